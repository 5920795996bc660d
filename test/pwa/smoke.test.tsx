// @vitest-environment happy-dom
import { render } from 'preact';
import { expect, test } from 'vitest';

test('preact renders in happy-dom', () => {
  const el = document.createElement('div');
  render(<p class="x">hi</p>, el);
  expect(el.innerHTML).toBe('<p class="x">hi</p>');
});
