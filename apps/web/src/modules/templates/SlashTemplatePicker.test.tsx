import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type KeyboardEvent, useRef, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../test/render.tsx';
import { SlashTemplatePicker } from './SlashTemplatePicker.tsx';
import { TEST_CONTEXT, TEST_TEMPLATES } from './test-templates.ts';

/** A stand-in for the composer: Enter sends, Esc leaves, as the real one does. */
function Composer({
  onSend,
  onEscape,
  disabled,
}: {
  onSend: (t: string) => void;
  onEscape: () => void;
  disabled?: boolean;
}) {
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      onSend(text);
    } else if (event.key === 'Escape') onEscape();
  };
  return (
    <SlashTemplatePicker
      textareaRef={ref}
      value={text}
      onChange={setText}
      channel="WHATSAPP"
      context={TEST_CONTEXT}
      disabled={disabled}
    >
      <textarea
        ref={ref}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        data-testid="composer-input"
      />
    </SlashTemplatePicker>
  );
}

function setup(props: { disabled?: boolean } = {}) {
  const calls = stubFetch(200, { items: TEST_TEMPLATES });
  const onSend = vi.fn();
  const onEscape = vi.fn();
  renderWithProviders(<Composer onSend={onSend} onEscape={onEscape} {...props} />);
  const box = screen.getByTestId<HTMLTextAreaElement>('composer-input');
  return { calls, onSend, onEscape, box, user: userEvent.setup() };
}

const optionNames = () =>
  screen.queryAllByTestId('slash-picker-option').map((o) => o.querySelector('p')?.textContent);

describe('SlashTemplatePicker', () => {
  it('opens on "/" with the templates usable on the channel, filled with the context', async () => {
    const { calls, box, user } = setup();
    await user.type(box, '/');
    await waitFor(() => expect(optionNames()).toHaveLength(4));
    expect(calls[0]?.url).toBe('/api/templates?channel=WHATSAPP');
    expect(screen.getByTestId('slash-picker').textContent).toContain('Hi Emma, I am Liam.');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(
      screen.getAllByTestId('slash-picker-option')[0]?.id,
    );
  });

  it('finds by a fuzzy query; Enter inserts the filled template instead of sending', async () => {
    const { box, user, onSend } = setup();
    await user.type(box, 'Thanks! /ordst');
    await waitFor(() => expect(optionNames()[0]).toBe('Order status: checking'));
    await user.keyboard('{Enter}');
    expect(box.value).toBe('Thanks! Let me check your order, Emma Walsh.');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.queryByTestId('slash-picker')).toBeNull();
    await waitFor(() => expect(box.selectionStart).toBe(box.value.length));
    // Now Enter is the composer's again.
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledWith('Thanks! Let me check your order, Emma Walsh.');
  });

  it('moves with the arrow keys (wrapping) and inserts with Tab, keeping the text around', async () => {
    const { box, user } = setup();
    await user.type(box, 'Hello  bye');
    box.setSelectionRange(6, 6);
    await user.type(box, '/order', { initialSelectionStart: 6, initialSelectionEnd: 6 });
    await waitFor(() => expect(optionNames()).toEqual(['Order shipped', 'Order status: checking']));
    await user.keyboard('{ArrowDown}');
    expect(screen.getAllByTestId('slash-picker-option')[1]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}{ArrowUp}{Tab}');
    expect(box.value).toBe('Hello Let me check your order, Emma Walsh. bye');
  });

  it('inserts the clicked option', async () => {
    const { box, user } = setup();
    await user.type(box, '/sal');
    const [saludo] = await screen.findAllByTestId('slash-picker-option');
    expect(saludo?.textContent).toContain('Saludo');
    await user.click(saludo as HTMLElement);
    expect(box.value).toBe('¡Hola Emma!');
  });

  it('closes on Esc without the composer seeing it, and reopens on the next "/"', async () => {
    const { box, user, onEscape } = setup();
    await user.type(box, '/gr');
    await screen.findByTestId('slash-picker');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('slash-picker')).toBeNull();
    expect(onEscape).not.toHaveBeenCalled();
    await user.type(box, 'eet');
    expect(screen.queryByTestId('slash-picker')).toBeNull();
    await user.type(box, ' /');
    expect(await screen.findByTestId('slash-picker')).toBeTruthy();
  });

  it('stays shut inside words, for prose after a "/", and when disabled', async () => {
    const { box, user } = setup();
    await user.type(box, 'and/or');
    expect(screen.queryByTestId('slash-picker')).toBeNull();
    await user.clear(box);
    await user.type(box, '/no such thing');
    expect(screen.queryByTestId('slash-picker')).toBeNull();
  });

  it('never opens when disabled', async () => {
    const { box, user, calls } = setup({ disabled: true });
    await user.type(box, '/');
    expect(screen.queryByTestId('slash-picker')).toBeNull();
    expect(calls).toEqual([]);
  });
});
