import { ROLE_LABELS } from '../../../../apps/api/src/identity/roles';
import * as web from '../../../../apps/web/src/labels';
import { PANEL_KIND_LABELS } from '../hearings/panel';
import * as registry from './vocabulary';

/** The API and the web app read the registry's own tables: no copy that could drift from it. */
describe('one label registry', () => {
  it.each([
    ['web ROLE_LABELS', web.ROLE_LABELS, registry.ROLE_LABELS_ZH],
    ['web SEAL_KIND_LABELS', web.SEAL_KIND_LABELS, registry.SEAL_KIND_LABELS_ZH],
    ['web CHOICE_LABELS', web.CHOICE_LABELS, registry.BALLOT_CHOICE_LABELS_ZH],
    ['web ENTRY_KIND_LABELS', web.ENTRY_KIND_LABELS, registry.LEDGER_KIND_LABELS_ZH],
    ['web AUDIT_STAGE_LABELS', web.AUDIT_STAGE_LABELS, registry.AUDIT_STAGE_LABELS_ZH],
    ['web PANEL_KIND_LABELS', web.PANEL_KIND_LABELS, registry.PANEL_KIND_LABELS_ZH],
    ['web UNIT_STATUS_LABELS', web.UNIT_STATUS_LABELS, registry.UNIT_STATUS_LABELS_ZH],
    ['API ROLE_LABELS', ROLE_LABELS, registry.ROLE_LABELS_ZH],
    ['domain PANEL_KIND_LABELS', PANEL_KIND_LABELS, registry.PANEL_KIND_LABELS_ZH],
  ])('%s is the registry table itself', (_name, used, table) => {
    expect(used).toBe(table);
  });
});
