import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render.tsx';
import { ImportCustomersModal } from './ImportCustomersModal.tsx';

function serve(importAnswer: { status: number; body: unknown }) {
  const posted: unknown[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const path = new URL(input, 'http://parley.test').pathname;
    if (path === '/api/customers/import') posted.push(JSON.parse(String(init.body)));
    const { status, body } =
      path === '/api/customers/import' ? importAnswer : { status: 200, body: { items: [] } };
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return posted;
}

async function chooseAndImport(csv: string) {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  await userEvent.upload(input, new File([csv], 'customers.csv', { type: 'text/csv' }));
  await userEvent.click(screen.getByRole('button', { name: 'Import' }));
}

describe('ImportCustomersModal', () => {
  it('sends the file and lists every bad row with its line when nothing was imported', async () => {
    const posted = serve({
      status: 422,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Nothing was imported: 2 problems, first on line 3: VIP: must be yes or no',
          details: {
            problems: [
              { line: 3, message: 'VIP: must be yes or no' },
              { line: 7, message: 'SMS 385911 is also on line 2' },
            ],
          },
        },
      },
    });
    renderWithProviders(<ImportCustomersModal opened onClose={() => {}} />);
    await chooseAndImport('name,VIP\nAnn,maybe\n');
    const problems = await screen.findByTestId('import-problems');
    expect(problems.textContent).toContain('Line 3VIP: must be yes or no');
    expect(problems.textContent).toContain('Line 7SMS 385911 is also on line 2');
    expect(posted).toEqual([{ csv: 'name,VIP\nAnn,maybe\n' }]);
  });

  it('closes after a successful import', async () => {
    serve({ status: 200, body: { created: 2 } });
    const onClose = vi.fn();
    renderWithProviders(<ImportCustomersModal opened onClose={onClose} />);
    await chooseAndImport('name\nAnn\nBob\n');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});
