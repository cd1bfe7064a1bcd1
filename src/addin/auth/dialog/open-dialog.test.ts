import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignInError } from '../sign-in';
import { officeDialogOpener, type DialogUi } from './open-dialog';

type Handler = (arg: { message?: string; origin?: string; error?: number }) => void;

function fakeUi(status = 'succeeded') {
  const handlers = new Map<string, Handler>();
  const state = { opened: '', closed: false };
  const ui: DialogUi = {
    displayDialogAsync: (url, _options, callback) => {
      state.opened = url;
      callback({
        status,
        error: { code: 12007 },
        value: { addEventHandler: (type, handler) => void handlers.set(type, handler), close: () => void (state.closed = true) },
      });
    },
  };
  return { ui, state, fire: (type: string, arg: Parameters<Handler>[0]) => handlers.get(type)?.(arg) };
}

describe('the Office sign-in dialog', () => {
  it('resolves with the message of our own page and closes the dialog', async () => {
    const office = fakeUi();
    const answer = officeDialogOpener(office.ui, 'https://sealpost.example')('https://sealpost.example/addin/auth-dialog.html');
    office.fire('dialogMessageReceived', { message: 'evil', origin: 'https://attacker.example' });
    office.fire('dialogMessageReceived', { message: 'hello', origin: 'https://sealpost.example' });
    assert.equal(await answer, 'hello');
    assert.equal(office.state.closed, true);
  });

  it('reports a dialog closed by the user as cancelled, and one that cannot open as unavailable', async () => {
    const office = fakeUi();
    const answer = officeDialogOpener(office.ui, 'https://sealpost.example')('https://sealpost.example/x');
    office.fire('dialogEventReceived', { error: 12006 });
    await assert.rejects(answer, (e: SignInError) => e.code === 'cancelled');
    const blocked = fakeUi('failed');
    await assert.rejects(officeDialogOpener(blocked.ui, 'https://sealpost.example')('https://sealpost.example/x'), (e: SignInError) => e.code === 'unavailable');
  });
});
