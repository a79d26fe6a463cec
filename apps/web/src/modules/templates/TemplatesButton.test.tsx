import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders, stubFetch } from '../../test/render.tsx';
import { TemplatesButton } from './TemplatesButton.tsx';
import { TEST_CONTEXT, TEST_TEMPLATES } from './test-templates.ts';

function setup() {
  const calls = stubFetch(200, { items: TEST_TEMPLATES });
  const onInsert = vi.fn();
  renderWithProviders(<TemplatesButton channel="SMS" context={TEST_CONTEXT} onInsert={onInsert} />);
  return { calls, onInsert, user: userEvent.setup() };
}

const options = () => screen.queryAllByTestId('templates-button-option');
const names = () => options().map((o) => o.querySelector('p')?.textContent);

describe('TemplatesButton', () => {
  it('loads the channel’s templates only when opened, and inserts the clicked one filled in', async () => {
    const { calls, onInsert, user } = setup();
    expect(calls).toEqual([]);
    await user.click(screen.getByTestId('templates-button'));
    await waitFor(() => expect(names()).toHaveLength(4));
    expect(calls[0]?.url).toBe('/api/templates?channel=SMS');
    await user.click(options()[1] as HTMLElement);
    expect(onInsert).toHaveBeenCalledWith('Order #1042 has shipped.');
    await waitFor(() => expect(screen.queryByTestId('templates-popover')).toBeNull());
  });

  it('searches fuzzily from the focused search box; arrows and Enter pick', async () => {
    const { onInsert, user } = setup();
    await user.click(screen.getByTestId('templates-button'));
    const search = await screen.findByLabelText('Search templates');
    await waitFor(() => expect(search).toBe(document.activeElement));
    await user.type(search, 'order');
    await waitFor(() => expect(names()).toEqual(['Order shipped', 'Order status: checking']));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onInsert).toHaveBeenCalledWith('Let me check your order, Emma Walsh.');
  });

  it('filters by a tag of the offered templates, and clears the filter on a second click', async () => {
    const { user } = setup();
    await user.click(screen.getByTestId('templates-button'));
    await waitFor(() => expect(names()).toHaveLength(4));
    await user.click(screen.getByLabelText('order'));
    await waitFor(() => expect(names()).toEqual(['Order shipped', 'Order status: checking']));
    await user.click(screen.getByLabelText('order'));
    await waitFor(() => expect(names()).toHaveLength(4));
    await user.type(screen.getByLabelText('Search templates'), 'zzz');
    expect(screen.getByTestId('templates-popover').textContent).toContain('No template matches');
  });
});
