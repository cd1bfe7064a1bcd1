import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { personalDataFileName } from '../../../../shared/protocol/privacy-api';
import { createPrivacyApi } from './privacy-api';
import { fakePrivacyService, personalData } from './privacy-test-support';

describe('the privacy calls', () => {
  it('use the routes, methods, bodies and bearer token the service expects', async () => {
    const service = fakePrivacyService({ queue: [] });
    const api = createPrivacyApi(service.fetch);
    await api.personalData('t1');
    await api.exportPersonalData('t1');
    await api.setProductEmailsOff('t1', true);
    await api.eraseAccount('t1');
    await api.listRequests('t1', 'all');
    await api.closeRequest('t1', 'Q'.repeat(22), 'reject');
    await api.runRequest('t1', { subjectKind: 'sender', email: 'a@example.com', type: 'access' });
    assert.deepEqual(
      service.requests.map((r) => [r.method, r.url, r.auth, r.body]),
      [
        ['GET', '/api/me/privacy', 'Bearer t1', undefined],
        ['GET', '/api/me/privacy/export', 'Bearer t1', undefined],
        ['PUT', '/api/me/privacy/objection', 'Bearer t1', { productEmailsOff: true }],
        ['DELETE', '/api/me/privacy', 'Bearer t1', undefined],
        ['GET', '/api/admin/privacy-requests?status=all', 'Bearer t1', undefined],
        ['POST', `/api/admin/privacy-requests/${'Q'.repeat(22)}/reject`, 'Bearer t1', undefined],
        ['POST', '/api/admin/privacy-requests', 'Bearer t1', { subjectKind: 'sender', email: 'a@example.com', type: 'access' }],
      ],
    );
  });

  it('keep the export as sent and name it after its date', async () => {
    const service = fakePrivacyService();
    const result = await createPrivacyApi(service.fetch).exportPersonalData('t');
    assert.deepEqual(result, { ok: true, data: { fileName: 'sealpost-personal-data-2030-04-02.json', json: service.exported() } });
    assert.equal(personalDataFileName('not a date'), 'sealpost-personal-data.json');
  });

  it('turn error answers and failed requests into results', async () => {
    const forbidden = await createPrivacyApi(fakePrivacyService({ queue: null }).fetch).listRequests('t', 'open');
    assert.deepEqual(forbidden, { ok: false, error: { code: 'forbidden', message: 'Only an administrator of the organisation may do this.', details: undefined } });
    const offline = await createPrivacyApi(async () => {
      throw new TypeError('Failed to fetch');
    }).personalData('t');
    assert.equal(offline.ok ? null : offline.error.code, 'unavailable');
    const garbled = await createPrivacyApi(async () => new Response('<html>', { status: 200 })).personalData('t');
    assert.equal(garbled.ok ? null : garbled.error.code, 'unavailable');
    const data = await createPrivacyApi(fakePrivacyService({ data: personalData({ productEmailsOff: true }) }).fetch).personalData('t');
    assert.equal(data.ok && data.data.productEmailsOff, true);
  });
});
