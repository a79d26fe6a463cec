import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MessageContent } from './MessageContent.tsx';

// An e-mail in the timeline: subject, the server-sanitised HTML (with its quoted history folded),
// and its attachments as downloads.

describe('e-mail message content', () => {
  it('shows the subject, the HTML body and the attachments', () => {
    render(
      <MessageContent
        message={{
          contentType: 'TEXT',
          content: {
            subject: 'Order 42 is late',
            text: 'Hello, where is my order?',
            html: '<p>Hello, where is <b>my order</b>?</p><details class="parley-quote"><summary>Quoted text</summary>old</details>',
            attachments: [
              {
                id: '00000000-0000-4000-8000-0000000000f1',
                fileName: 'invoice.pdf',
                mimeType: 'application/pdf',
                size: 2048,
              },
            ],
          },
        }}
      />,
    );
    expect(screen.getByText('Order 42 is late')).toBeTruthy();
    const body = screen.getByTestId('email-body');
    expect(body.querySelector('b')?.textContent).toBe('my order');
    expect(body.querySelector('details')?.hasAttribute('open')).toBe(false);
    const link = screen.getByRole('link', { name: 'invoice.pdf' });
    expect(link.getAttribute('href')).toBe('/api/attachments/00000000-0000-4000-8000-0000000000f1');
    expect(screen.getByText('2 kB')).toBeTruthy();
  });

  it('shows the text of a message without HTML as it is', () => {
    render(<MessageContent message={{ contentType: 'TEXT', content: { text: 'line 1\nline 2' } }} />);
    expect(screen.queryByTestId('email-body')).toBeNull();
    expect(screen.getByText(/line 1/).textContent).toBe('line 1\nline 2');
  });
});
