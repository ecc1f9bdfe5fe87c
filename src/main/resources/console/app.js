// The console: one page, routed in the browser. Partner admins follow the Partner Center flow
// (Competencies -> an offer's notices -> Membership offers -> renew); operators open partners,
// enrol offers and look at what is due. Plain DOM, no framework: every element is built with h().
import { ApiProblem, call, get, put } from './api.js';
import * as auth from './auth.js';
import { chosen, count, currentLanguage, date, dropAdopted, instant, money, parts, partsIfKnown, setLanguage, t } from './i18n.js';

let config = { mode: 'local', basePath: '' };
const main = document.getElementById('main');

// ---------- DOM helpers ----------

/** An element with attributes (on* are listeners) and children (strings become text). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'text') el.textContent = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  el.append(...nodes(children));
  return el;
}

/** Children as nodes: nested lists flattened, a missing one (null, undefined, false) left out, never written as text. */
function nodes(children) {
  return children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false)
    .map((child) => (child instanceof Node ? child : document.createTextNode(String(child))));
}

/** A link inside the console: followed without reloading the page. */
function link(path, text, attrs = {}) {
  return h('a', { href: config.basePath + path, 'data-route': '', ...attrs }, text);
}

/** The rows in a table, or, when there are none and the page has words for that, those words. */
function table(columns, rows, { caption, empty } = {}) {
  if (rows.length === 0 && empty) return h('p', {}, empty);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', { 'data-label': c.label }, c.cell(row))))))));
}

/** A labelled input; error (hidden until the input is refused) sits between the label and the input. */
function field(id, label, input, hint, error = null) {
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    error,
    input,
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

/**
 * A refusal's words in the page's language, by its code (problem.<code>, else blocker.<code>);
 * the service's English detail only when the console has no words for it or lacks a value they need.
 */
function refusalText(code, fallback, values) {
  return partsIfKnown(`problem.${code}`, values) ?? partsIfKnown(`blocker.${code}`, values) ?? fallback;
}

/**
 * A refusal as a person reads it: a heading, the problem's detail, and every blocker. The values
 * (opens, closes, fee, paid) fill the translated words; see refusalValues. The service's detail
 * fills them too: an invalid request's words quote it, as it names the field. titled: false when
 * the page's heading already says it (a page that could not be shown).
 */
function problemBox(error, values = {}, { titled = true } = {}) {
  if (!(error instanceof ApiProblem)) {
    return h('div', { class: 'problem', role: 'alert' }, h('p', {}, String(error?.message ?? error)));
  }
  if (error.network) {
    return h('div', { class: 'problem', role: 'alert' }, h('p', {}, t('problem.network')));
  }
  const detail = error.status === 401 ? t('problem.unauthenticated')
    : refusalText(error.code, error.detail ?? error.title ?? `HTTP ${error.status}`, { detail: error.detail, ...values });
  return h('div', { class: 'problem', role: 'alert', 'data-code': error.code ?? '' },
    titled ? h('p', { class: 'problem-title' }, t('problem.title')) : null,
    h('p', { class: 'problem-detail' }, detail),
    error.blockers.length > 1
      ? h('ul', {}, error.blockers.map((b) => h('li', { 'data-code': b.code }, refusalText(b.code, b.message, values))))
      : null);
}

/** What a refusal's words may name: the offer's window and fee as it stands, and the payment sent. */
function refusalValues(status, payment) {
  return {
    opens: status && day(status.renewalWindow.opens), closes: status && day(status.renewalWindow.closes),
    fee: status && money(status.renewalFee), paid: payment && money(payment),
  };
}

/** Replaces an element's children, as h() takes them. */
function fill(el, ...children) {
  el.replaceChildren(...nodes(children));
  return el;
}

/** A calendar date in a <time> element: the words for people, the ISO date for machines. */
function day(iso) {
  return iso ? h('time', { datetime: iso }, date(iso)) : '—';
}

function notice(kind, ...children) {
  return h('div', { class: `notice ${kind}`, role: kind === 'success' ? 'status' : null }, children);
}

/** What an operator's save answered, on top of the page drawn again; the next attempt takes it away (sendForm). */
function savedNotice(...children) {
  const box = notice('success', children);
  box.dataset.saved = '';
  return box;
}

function render(title, ...content) {
  document.title = `${title} · ${t('app.title')}`;
  const heading = h('h1', { tabindex: '-1' }, title);
  fill(main, heading, content);
  return heading;
}

// ---------- the words of the rules ----------

function blockerText(blocker, status) {
  return refusalText(blocker.code, blocker.message, refusalValues(status, null));
}

function windowRange(status) {
  return parts('window.range', { opens: day(status.renewalWindow.opens), closes: day(status.renewalWindow.closes) });
}

const waitsForPmcMigration = (status) => status.blockers.some((b) => b.code === 'pmc-migration-required');

/**
 * The exemption only matters while a renewal can still happen: a lapsed offer's window has closed
 * (D4), so the extension covering its AD (D13) waives nothing and its fee can no longer be paid.
 */
const exemptionUsable = (status) => Boolean(status.exemption) && status.status !== 'LAPSED';

/** D10: a renewal pays the fee, and a zero fee needs no payment (the API takes none). */
const feeDue = (status) => Number(status.renewalFee.amount) > 0;

/**
 * Complete or not, as the offer stores it (the page's "Complete"). The exemption is a separate
 * fact (D13): an offer that is not complete says until when the extension waives its requirements,
 * unless it cannot use the extension yet (still on PMC) or any more (lapsed).
 */
function requirements(status) {
  if (status.requirementsMet) return t('req.complete');
  const waived = exemptionUsable(status) && !waitsForPmcMigration(status);
  return waived ? parts('req.exempt', { until: day(status.exemption.until) }) : t('req.incomplete');
}

function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** In the window, the answer's daysLeftToRenew (D2, as the emails count); before it, when it opens. */
function daysLeft(status) {
  if (status.status === 'IN_RENEWAL_WINDOW') return count('days.left', status.daysLeftToRenew);
  if (status.status === 'ACTIVE') return count('days.opensIn', daysBetween(status.asOf, status.renewalWindow.opens));
  return t('days.none');
}

function statusBadge(status) {
  return h('span', { class: `badge ${status.status.toLowerCase()}` }, t(`status.${status.status}`));
}

/**
 * The extension in the emails' words (D13). It needs the membership moved from PMC to Partner
 * Center (the page; D8): until then (moved false) the exemption is only a prospect, a warning
 * that says what would change, whether or not the requirements are met, never the green notice
 * beside the blocker that denies it. None for a lapsed offer. level: its heading's, one below the
 * heading of the part of the page it sits in.
 */
function exemptionNotice(status, moved, level = 'h2') {
  if (!exemptionUsable(status)) return null;
  const until = day(status.exemption.until);
  const operator = auth.isOperator(); // reads it about the partner, not addressed to them
  if (!moved || waitsForPmcMigration(status)) {
    return h('section', { class: 'notice warning exemption-pending', 'aria-labelledby': 'exemption-title' },
      h(level, { id: 'exemption-title' }, t(operator ? 'exemption.pendingTitleOperator' : 'exemption.pendingTitle')),
      h('p', {}, parts(feeDue(status) ? 'exemption.pendingFee' : 'exemption.pendingNoFee', { until })));
  }
  return h('section', { class: 'notice exemption', 'aria-labelledby': 'exemption-title' },
    h(level, { id: 'exemption-title' }, t(operator ? 'exemption.titleOperator' : 'exemption.title')),
    h('p', {}, parts(feeDue(status) ? 'exemption.textFee' : 'exemption.textNoFee', { until })));
}

/** Renewable now, or every blocker in plain words; level as for exemptionNotice. */
function blockerList(status, partnerId, level = 'h2') {
  if (status.blockers.length === 0) return notice('success', h('p', {}, t('offer.renewable')));
  return h('section', { class: 'notice warning', 'aria-labelledby': 'blockers-title' },
    h(level, { id: 'blockers-title' }, t('offer.notRenewable')),
    h('ul', { class: 'blockers' }, status.blockers.map((b) => h('li', { 'data-code': b.code },
      blockerWithHelp(b, status, partnerId)))));
}

/**
 * A blocker in plain words; the PMC one with the link to what to do about it, and, for an operator,
 * about the partner's membership, not addressed to them (as exemptionNotice).
 */
function blockerWithHelp(blocker, status, partnerId) {
  if (blocker.code !== 'pmc-migration-required') return blockerText(blocker, status);
  return [t(auth.isOperator() ? 'blocker.pmc-migration-required.operator' : 'blocker.pmc-migration-required'), ' ',
    link(`/help/pmc-migration?partner=${encodeURIComponent(partnerId)}`, t('pmc.link'), { class: 'pmc-link' })];
}

// ---------- partner admin ----------

const partnerPath = (p) => `/partners/${encodeURIComponent(p)}`;
const offerPath = (p, o) => `${partnerPath(p)}/offers/${encodeURIComponent(o)}`;

/** "Contoso Ltd (contoso)". */
const named = (partner) => t('partner.named', { name: partner.name, id: partner.partnerId });

/**
 * For an operator, who reads any partner's pages (D22), the partner they show, named from its
 * profile (only its id when it is not enrolled); null for a partner admin, whose pages stay as
 * Partner Center draws them.
 */
const shownPartner = (partnerId, profile) => (auth.isOperator() ? (profile ? named(profile) : partnerId) : null);

async function partnerOfOperator(partnerId) {
  return auth.isOperator() ? shownPartner(partnerId, await enrolledPartner(partnerId)) : null;
}

/** Whether the partner's membership has moved to Partner Center; one not enrolled has not (as the API reads it). */
const migrated = (profile) => profile?.migratedToPartnerCenter ?? false;

/** A read whose 404 means `missing`, not a refusal; any other refusal still throws. */
function unlessNotFound(read, missing) {
  return read.catch((error) => {
    if (error instanceof ApiProblem && error.status === 404) return missing;
    throw error;
  });
}

/** The partner as an operator described it, or null when it is not enrolled (404, D22). */
const enrolledPartner = (partnerId) => unlessNotFound(get(partnerPath(partnerId)), null);

/** Whether the partner has this offer. */
const offerExists = (partnerId, offerId) => unlessNotFound(get(offerPath(partnerId, offerId)).then(() => true), false);

/** A page's title, followed by the partner an operator is looking at. */
const headed = (title, partner) => (partner ? t('partner.of', { title, partner }) : title);

async function competencies(partnerId) {
  const [list, partner] = await Promise.all([get(`${partnerPath(partnerId)}/offers`), partnerOfOperator(partnerId)]);
  render(headed(t('competencies.title'), partner),
    h('p', {}, parts(partner ? 'competencies.introOperator' : 'competencies.intro', { asOf: day(list.asOf) })),
    table([
      { label: t('col.offer'), cell: (s) => link(offerPath(partnerId, s.offerId), s.name, { 'data-offer': s.offerId }) },
      { label: t('col.area'), cell: (s) => s.area },
      { label: t('col.status'), cell: statusBadge },
      { label: t('col.ad'), cell: (s) => day(s.anniversaryDate) },
      { label: t('col.window'), cell: windowRange },
      { label: t('col.daysLeft'), cell: daysLeft },
      { label: t('col.requirements'), cell: requirements },
    ], list.offers, { caption: t('competencies.title'), empty: t('competencies.none') }));
}

const membershipPath = (p, o) => `${partnerPath(p)}/membership${o ? `?offer=${encodeURIComponent(o)}` : ''}`;

/**
 * Membership offers, the flow's last step: every offer with its dates and fee; Renew opens the pay
 * form for that offer here (?offer=), drawn again with the answer on top after renewing or a refusal.
 * The offer's section is headed by its name: its notices are parts of it (h3), and the pay form,
 * what the section is for, has no heading of its own. An offer that cannot be renewed now shows
 * its blockers instead of a form that could only be refused.
 * An operator cannot renew (the API answers 403): they see the offers and fees, without Renew.
 */
async function membershipOffers(partnerId, top = null) {
  const [list, profile] = await Promise.all([get(`${partnerPath(partnerId)}/offers`), enrolledPartner(partnerId)]);
  const partner = shownPartner(partnerId, profile);
  const offerId = partner ? null : new URLSearchParams(location.search).get('offer');
  const selected = list.offers.find((s) => s.offerId === offerId) ?? null;
  const box = selected ? top?.(selected) ?? null : null;
  const pay = selected && (selected.renewable
    ? renewal(partnerId, selected, (next) => membershipOffers(partnerId, next), 'membership-offer-title')
    : blockerList(selected, partnerId, 'h3'));
  const renew = { label: t('col.renew'), cell: (s) => (s.renewable
    ? link(membershipPath(partnerId, s.offerId), t('membership.open', { name: s.name }), { 'data-renew': s.offerId })
    : s.blockers.map((b, i) => [i > 0 ? ' ' : null, blockerWithHelp(b, s, partnerId)])) };
  render(headed(t('membership.title'), partner),
    h('p', {}, t(partner ? 'membership.introOperator' : 'membership.intro')),
    box,
    offerId && !selected ? notice('warning', h('p', { id: 'membership-unknown' }, t('membership.unknown', { id: offerId }))) : null,
    selected ? h('section', { id: 'membership-offer', 'aria-labelledby': 'membership-offer-title' },
      h('h2', { id: 'membership-offer-title' }, selected.name), exemptionNotice(selected, migrated(profile), 'h3'), pay) : null,
    table([
      { label: t('col.offer'), cell: (s) => link(offerPath(partnerId, s.offerId), s.name, { 'data-offer': s.offerId }) },
      { label: t('col.status'), cell: statusBadge },
      { label: t('col.ad'), cell: (s) => day(s.anniversaryDate) },
      { label: t('col.window'), cell: windowRange },
      { label: t('col.fee'), cell: (s) => money(s.renewalFee) },
      partner ? null : renew,
    ].filter(Boolean), list.offers, { caption: t('membership.title'), empty: t('competencies.none') }));
  focusTop(box);
  if (selected && !box) focusRenewForm();
}

/**
 * D5: the reminders of the offer's AD, when each is due and the day the sweep recorded it (the
 * API's sentOn); whether its email reached anyone (a partner may have no contacts) is Notifications'.
 */
function reminderTable(reminders) {
  return table([
    { label: t('col.reminder'), cell: (r) => t(`event.${r.kind}`) },
    { label: t('col.dueAt'), cell: (r) => day(r.due) },
    { label: t('col.recordedOn'), cell: (r) => (r.sentOn ? day(r.sentOn) : t('reminders.notYet')) },
  ], reminders, { caption: t('reminders.title'), empty: t('reminders.none') });
}

function historyTable(renewals) {
  if (renewals.length === 0) return h('p', { id: 'history-empty' }, t('history.none'));
  return table([
    { label: t('col.renewal'), cell: (r) => h('code', {}, r.renewalId) },
    { label: t('col.renewedOn'), cell: (r) => day(r.renewedOn) },
    { label: t('col.previousAd'), cell: (r) => day(r.previousAnniversaryDate) },
    { label: t('col.newAd'), cell: (r) => day(r.newAnniversaryDate) },
    { label: t('col.exemptUntil'), cell: (r) => (r.exemption ? day(r.exemption.until) : '—') },
    { label: t('col.payment'), cell: (r) => (r.payment ? `${money(r.payment)} · ${r.payment.reference}` : '—') },
  ], renewals, { caption: t('history.title') });
}

/**
 * One attempt to renew, kept in this tab: its Idempotency-Key is reused when the person retries
 * the same request (after a lost answer or a reload), so a retry or a double click renews once.
 * A different request (another reference) is a new attempt with a new key.
 */
function attempt(partnerId, offerId, body) {
  const storageKey = `renew:${partnerId}/${offerId}`;
  const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null');
  const fingerprint = JSON.stringify(body);
  const key = saved && saved.body === fingerprint ? saved.key : crypto.randomUUID();
  sessionStorage.setItem(storageKey, JSON.stringify({ key, body: fingerprint }));
  return { key, done: () => sessionStorage.removeItem(storageKey) };
}

/**
 * The pay-and-renew form. A renewal answers onRenewed; a refusal by the rules or for the payment
 * (402, 409) answers onRefused, as the offer has changed under the page; other refusals show here.
 * labelledBy: the id of the heading of the section it fills, which then names it instead of its own.
 */
function renewForm(partnerId, status, { onRenewed, onRefused, labelledBy = null }) {
  const fee = status.renewalFee;
  const needsPayment = feeDue(status);
  const result = h('div', { id: 'renew-result', 'aria-live': 'polite' });
  const missing = h('p', { class: 'error', id: 'payment-reference-error', hidden: true }, t('renew.referenceMissing'));
  const reference = h('input', { id: 'payment-reference', name: 'reference', autocomplete: 'off', required: needsPayment,
    'aria-describedby': 'payment-reference-hint' });
  const button = h('button', { type: 'submit', id: 'renew-button' }, t('renew.button'));
  let busy = false;
  const form = h('form', { id: 'renew', novalidate: true, 'aria-labelledby': labelledBy ?? 'renew-title' },
    labelledBy ? null : h('h2', { id: 'renew-title' }, t('renew.title')),
    h('p', { class: 'fee' }, needsPayment ? parts('renew.feeIs', { fee: h('strong', { id: 'renew-fee' }, money(fee)) }) : t('renew.noFee')),
    needsPayment ? field('payment-reference', t('renew.reference'), reference, t('renew.referenceHint'), missing) : null,
    button, result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return; // a second click while the first is on its way does nothing
    const empty = needsPayment && !reference.value.trim();
    missing.hidden = !empty;
    if (empty) reference.setAttribute('aria-invalid', 'true'); else reference.removeAttribute('aria-invalid');
    reference.setAttribute('aria-describedby', empty ? 'payment-reference-error payment-reference-hint' : 'payment-reference-hint');
    if (empty) {
      reference.focus();
      return;
    }
    busy = true;
    button.disabled = true;
    button.textContent = t('renew.working');
    result.replaceChildren();
    const body = needsPayment ? { payment: { reference: reference.value.trim(), amount: fee.amount, currency: fee.currency } } : {};
    const current = attempt(partnerId, status.offerId, body);
    try {
      const answer = await call('POST', `${offerPath(partnerId, status.offerId)}/renewals`,
        { body, headers: { 'Idempotency-Key': current.key } });
      current.done();
      await onRenewed(answer);
      return;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        expired(error);
        return;
      }
      // Lost answers and a request still in progress keep the key: pressing Renew retries them.
      if (!(error instanceof ApiProblem && (error.network || error.code === 'request-in-progress' || error.status >= 500))) current.done();
      const stale = error instanceof ApiProblem && (error.status === 402 || (error.status === 409 && error.code !== 'request-in-progress'));
      try {
        if (stale) return await onRefused(error, body.payment ?? null);
      } catch {
        // The offer could not be read again: the refusal is still shown, here.
      }
      fill(result, problemBox(error, refusalValues(status, body.payment ?? null)), error.network ? h('p', {}, t('renew.retry')) : null);
    } finally {
      busy = false;
      button.disabled = false;
      button.textContent = t('renew.button');
      // Disabled while the request was out, the button lost the keyboard's focus: when the answer is
      // shown here (the page was not drawn again), it takes it back, so Enter retries as the words say.
      if (button.isConnected && (document.activeElement === document.body || !document.activeElement)) button.focus();
    }
  });
  return form;
}

/**
 * The renew form of a page that is drawn again from the API after it answers: redraw(top) draws
 * the page with top(status) above the rest (the confirmation, or the refusal with the offer as it
 * now stands: a new fee, a closed window), as a refusal means the page had become stale.
 */
function renewal(partnerId, status, redraw, labelledBy = null) {
  return renewForm(partnerId, status, {
    labelledBy,
    onRenewed: (answer) => redraw(() => notice('success',
      h('p', { id: 'renewed' }, parts('renew.done', { date: day(answer.body.newAnniversaryDate) })),
      answer.headers.get('Idempotent-Replayed') ? h('p', {}, t('renew.replayed')) : null)),
    onRefused: (error, paid) => redraw((fresh) => problemBox(error, refusalValues(fresh, paid))),
  });
}

/** The keyboard's place in the renew form: the payment reference, or Renew itself when no fee is due (D10). */
function focusRenewForm() {
  (document.getElementById('payment-reference') ?? document.getElementById('renew-button'))?.focus();
}

/** After a redraw, the box on top takes the focus (a screen reader reads it; the keyboard starts there). */
function focusTop(box) {
  if (!box) return;
  box.setAttribute('tabindex', '-1');
  box.focus();
}

/** The offer's page (the emails' deep link); after a renewal or a refusal it is drawn again with the answer on top. */
async function offerPage(partnerId, offerId, top = null) {
  const operator = auth.isOperator();
  const [status, history, profile] = await Promise.all([
    get(offerPath(partnerId, offerId)),
    get(`${offerPath(partnerId, offerId)}/renewals`),
    enrolledPartner(partnerId),
  ]);
  const box = top?.(status) ?? null;
  render(headed(status.name, shownPartner(partnerId, profile)),
    h('p', { class: 'crumbs' }, link(`${partnerPath(partnerId)}/offers`, t('nav.competencies')), ' › ', status.name),
    box,
    offerSummary(status),
    exemptionNotice(status, migrated(profile)),
    blockerList(status, partnerId),
    operator ? offerForm(partnerId, status, () => offerPage(partnerId, offerId, () => savedNotice(h('p', {}, t('offer.saved')))))
      : (status.renewable ? renewal(partnerId, status, (next) => offerPage(partnerId, offerId, next)) : null),
    h('section', { id: 'reminders', 'aria-labelledby': 'reminders-title' },
      h('h2', { id: 'reminders-title' }, t('reminders.title')),
      h('p', {}, t('reminders.intro'), ' ', link(`${partnerPath(partnerId)}/notifications`, t('reminders.delivery'))),
      reminderTable(status.reminders)),
    h('section', { id: 'history', 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, t('history.title')), historyTable(history.renewals)));
  focusTop(box);
  if (location.hash === '#renew' && !box) focusRenewForm();
}

function offerSummary(status) {
  return h('dl', { class: 'summary', id: 'offer-summary' },
    h('dt', {}, t('offer.type')), h('dd', {}, t(`type.${status.type}`)),
    h('dt', {}, t('col.area')), h('dd', {}, status.area),
    h('dt', {}, t('col.status')), h('dd', {}, statusBadge(status)),
    h('dt', {}, t('col.ad')), h('dd', { id: 'anniversary-date' }, day(status.anniversaryDate)),
    h('dt', {}, t('col.window')), h('dd', {}, windowRange(status)),
    h('dt', {}, t('col.daysLeft')), h('dd', {}, daysLeft(status)),
    h('dt', {}, t('col.requirements')), h('dd', {}, requirements(status)),
    h('dt', {}, t('col.fee')), h('dd', {}, money(status.renewalFee)));
}

/**
 * The emails an event causes are sent after it (a renewal's receipt within seconds, D20): while the
 * list is shown it reads itself again this often, and draws itself again only when it changed.
 */
const NOTIFICATIONS_REFRESH_MS = 3000;

/** The partner's emails and their fate (D21); each offer named as the Competencies name it. */
async function notifications(partnerId) {
  const path = `${partnerPath(partnerId)}/notifications`;
  const [answer, offers, partner] = await Promise.all([get(path), get(`${partnerPath(partnerId)}/offers`),
    partnerOfOperator(partnerId)]);
  const names = new Map(offers.offers.map((s) => [s.offerId, s.name]));
  const list = h('div', { id: 'notification-list', 'aria-live': 'polite' }, notificationTable(answer.notifications, names));
  render(headed(t('notifications.title'), partner), list);
  let shown = JSON.stringify(answer.notifications);
  const refresh = async () => {
    if (!list.isConnected) return; // another page (or language) is shown: this list is done
    try {
      const fresh = (await get(path)).notifications;
      const text = JSON.stringify(fresh);
      if (list.isConnected && text !== shown) {
        shown = text;
        fill(list, notificationTable(fresh, names));
      }
    } catch {
      // Not readable now (offline, signed out): the next page shown says why.
    }
    setTimeout(refresh, NOTIFICATIONS_REFRESH_MS);
  };
  setTimeout(refresh, NOTIFICATIONS_REFRESH_MS);
}

function notificationTable(notifications, names) {
  return table([
    { label: t('col.sentAt'), cell: (n) => (n.sentAt ? h('time', { datetime: n.sentAt }, instant(n.sentAt)) : t('notifications.notSent')) },
    { label: t('col.event'), cell: (n) => t(`event.${n.event}`) },
    { label: t('col.offer'), cell: (n) => link(offerPath(n.partnerId, n.offerId), names.get(n.offerId) ?? n.offerId,
      { 'data-offer': n.offerId }) },
    { label: t('col.ad'), cell: (n) => day(n.anniversaryDate) },
    { label: t('col.status'), cell: (n) => t(`delivery.${n.status}`) },
    { label: t('col.to'), cell: (n) => n.to.join(', ') },
  ], notifications, { caption: t('notifications.title'), empty: t('notifications.none') });
}

function pmcHelp() {
  // ?partner= says which partner an operator came from; a partner admin's is always its own.
  const operator = auth.isOperator();
  const partnerId = operator ? new URLSearchParams(location.search).get('partner') : auth.claims()?.partnerId;
  // A partner admin asks the operator to move the membership; the operator is told where to mark it moved.
  render(t(operator ? 'pmc.titleOperator' : 'pmc.title'), h('p', {}, t(operator ? 'pmc.textOperator' : 'pmc.text')),
    operator && partnerId ? h('p', {}, link(partnerPath(partnerId), t('pmc.markMoved', { partner: partnerId }), { id: 'pmc-partner' })) : null,
    partnerId ? h('p', {}, link(`${partnerPath(partnerId)}/offers`,
      operator ? t('pmc.backTo', { partner: partnerId }) : t('pmc.back'))) : null);
}

// ---------- operator ----------

/** A partner or offer id (the API's rule); checked by idMistake, not an input's pattern, as the value is trimmed first. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * What is wrong with an id typed in a form (already trimmed), in the page's language, or null:
 * checked before it goes into an address, where a missing or odd one would make another URL.
 */
function idMistake(value, missingKey, label) {
  if (!value) return t(missingKey);
  return ID.test(value) ? null : t('id.invalid', { what: label });
}

/** Opens a partner by id: a pasted one with spaces around it is trimmed; a still-invalid one is said next to the field. */
function operatorHome() {
  const input = h('input', { id: 'open-partner-id', name: 'partnerId', required: true, autocomplete: 'off' });
  const open = (event) => {
    event.preventDefault();
    clearRefusals(event.currentTarget);
    const partnerId = input.value.trim();
    const mistake = idMistake(partnerId, 'operator.partnerIdMissing', t('operator.partnerId'));
    if (mistake) refuseHere(input, mistake); else go(partnerPath(partnerId));
  };
  render(t('operator.title'),
    h('form', { id: 'open-partner', novalidate: true, onsubmit: open },
      field('open-partner-id', t('operator.partnerId'), input),
      h('button', { type: 'submit' }, t('operator.open'))),
    h('p', {}, link('/due', t('nav.due'))));
}

/** D18: a partner has at most this many contacts (the API refuses more). */
const MAX_CONTACTS = 10;

/**
 * The partner form's contact rows in container, and its "Add a contact" button (addButton) with the
 * hint shown when it is disabled at MAX_CONTACTS rows (limit), to place after them.
 */
function contactRows(container, contacts) {
  const rows = [];
  // The keyboard stays in the rows: on the one that took the removed one's place, else the one before, else Add.
  const remove = (i) => {
    rows.splice(i, 1);
    redraw();
    const near = rows[i] ?? rows[i - 1];
    (near ? near.email : addButton).focus();
  };
  const redraw = () => {
    addButton.disabled = rows.length >= MAX_CONTACTS;
    limit.hidden = !addButton.disabled;
    rows.forEach((row, i) => { row.email.id = `contact-email-${i}`; row.name.id = `contact-name-${i}`; });
    container.replaceChildren(...rows.map((row, i) => h('fieldset', { class: 'contact' },
      h('legend', {}, t('partner.contact', { n: i + 1 })),
      field(`contact-email-${i}`, t('partner.contactEmail', { n: i + 1 }), row.email),
      field(`contact-name-${i}`, t('partner.contactName', { n: i + 1 }), row.name),
      h('button', { type: 'button', class: 'secondary', onclick: () => remove(i) },
        t('partner.removeContact', { n: i + 1 })))));
  };
  const add = (contact = {}) => {
    rows.push({
      // No maxlength here nor on the console's other inputs: the browser cuts a longer paste short without a
      // word, and another address (or name, reference, currency) would be stored; the API refuses it, naming the field.
      email: h('input', { type: 'email', value: contact.email ?? '', autocomplete: 'off' }),
      name: h('input', { value: contact.name ?? '', autocomplete: 'off' }),
    });
    redraw();
  };
  const addButton = h('button', { type: 'button', id: 'add-contact', class: 'secondary', 'aria-describedby': 'contacts-max',
    onclick: () => {
      add();
      rows.at(-1).email.focus();
    } }, t('partner.addContact'));
  const limit = h('p', { class: 'hint', id: 'contacts-max', hidden: true }, t('partner.contactsMax', { n: MAX_CONTACTS }));
  contacts.forEach(add);
  // Only an empty row is left out: one with a name but no address is sent, so the API's refusal names its email.
  const sent = () => rows.filter((r) => r.email.value.trim() || r.name.value.trim());
  return {
    addButton,
    limit,
    values: () => sent().map((r) => ({ email: r.email.value.trim(), ...(r.name.value.trim() ? { name: r.name.value.trim() } : {}) })),
    /** The input a problem's field names (contacts[1].email): it counts the contacts sent, not the rows. */
    input: (name) => {
      const match = /^contacts(?:\[(\d+)\](?:\.(email|name))?)?$/.exec(name);
      return match ? sent()[Number(match[1] ?? 0)]?.[match[2] ?? 'email'] ?? null : null;
    },
  };
}

/** The field a 400 names: its detail reads "field: reason" (usecase.Problem.invalid), e.g. "renewalFee.amount: must be...". */
function problemField(error) {
  if (!(error instanceof ApiProblem) || error.status !== 400 || !error.detail) return null;
  return /^([A-Za-z][\w-]*(?:\[\d+\])?(?:\.[A-Za-z]\w*)*): /.exec(error.detail)?.[1] ?? null;
}

/** Clears what the last attempt marked: the invalid fields and the mistakes said next to them. */
function clearRefusals(form) {
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
  for (const said of form.querySelectorAll('[data-refusal]')) said.remove();
}

/** A refused field: marked invalid, described by what says why (describedBy, an element's id), and focused. */
function markInvalid(input, describedBy) {
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', describedBy);
  input.focus();
}

/** A mistake caught in the browser, nothing sent: said next to its field (where field() puts an error) and marked. */
function refuseHere(input, message) {
  const said = h('p', { class: 'error', id: `${input.id}-error`, 'data-refusal': '' }, message);
  input.before(said);
  markInvalid(input, said.id);
}

/**
 * Sends an operator's form. Once stored, the page is drawn again from the API (redraw, given the
 * answer), so it shows what is now stored with the notice on top. A refusal is shown in the form's
 * result; a 400 also marks the field it names (inputFor) as invalid and moves the focus there.
 * check() answers (or promises) [input, message] for a mistake that must not be sent (refused here), else null.
 */
async function sendForm(form, result, send, redraw, inputFor, check = () => null) {
  clearRefusals(form);
  // An earlier save's notice would read as this attempt's answer.
  for (const earlier of main.querySelectorAll('[data-saved]')) earlier.remove();
  let answer;
  try {
    const mistake = await check();
    if (mistake) {
      result.replaceChildren();
      refuseHere(...mistake);
      return;
    }
    answer = await send();
  } catch (error) {
    refused(error, result, inputFor);
    return;
  }
  try {
    await redraw(answer);
  } catch (error) {
    refused(error, result, () => null); // stored, but not read back: the form stays, saying why
  }
}

function refused(error, result, inputFor) {
  if (error instanceof ApiProblem && error.status === 401) {
    expired(error);
    return;
  }
  const box = problemBox(error);
  box.id = `${result.id}-problem`;
  result.replaceChildren(box);
  const name = problemField(error);
  const input = name ? inputFor(name) : null;
  if (input) markInvalid(input, box.id);
}

async function partnerPage(partnerId, top = null) {
  if (!auth.isOperator()) return go(`${partnerPath(partnerId)}/offers`, { replace: true });
  // The offers are read even for a partner not enrolled yet: an offer enrolled before the partner is saved is listed.
  const [partner, offers] = await Promise.all([enrolledPartner(partnerId), get(`${partnerPath(partnerId)}/offers`)]);
  const unknown = partner === null;
  const result = h('div', { 'aria-live': 'polite', id: 'partner-result' });
  const name = h('input', { id: 'partner-name', required: true, value: partner?.name ?? '' });
  const migrated = h('input', { id: 'partner-migrated', type: 'checkbox', checked: partner?.migratedToPartnerCenter ?? false });
  const language = h('select', { id: 'partner-language' },
    h('option', { value: 'en', selected: (partner?.language ?? 'en') === 'en' }, 'English'),
    h('option', { value: 'zh-CN', selected: partner?.language === 'zh-CN' }, '简体中文'));
  const contactsBox = h('div', { id: 'contacts' });
  const contacts = contactRows(contactsBox, partner?.contacts ?? []);
  const form = h('form', { id: 'partner-form', novalidate: true },
    field('partner-name', t('partner.name'), name),
    h('div', { class: 'field check' }, migrated, h('label', { for: 'partner-migrated' }, t('partner.migrated'))),
    field('partner-language', t('partner.language'), language),
    h('fieldset', { class: 'contacts' }, h('legend', {}, t('partner.contacts')), contactsBox, contacts.addButton, contacts.limit),
    h('button', { type: 'submit', id: 'save-partner' }, t('partner.save')), result);
  const inputs = new Map(Object.entries({ name, migratedToPartnerCenter: migrated, language }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendForm(form, result,
      () => put(partnerPath(partnerId), { name: name.value.trim(), migratedToPartnerCenter: migrated.checked,
        contacts: contacts.values(), language: language.value }),
      (saved) => partnerPage(partnerId, () => savedNotice(h('p', {}, t('partner.saved')),
        h('p', { id: 'saved-contacts' }, (saved.contacts ?? []).map((c) => c.email).join(', ')))),
      (field) => inputs.get(field) ?? contacts.input(field));
  });
  const box = top?.() ?? null;
  render(unknown ? t('partner.title', { id: partnerId }) : named(partner),
    box,
    unknown ? notice('info', h('p', {}, t('partner.unknown', { id: partnerId })))
      : h('p', { id: 'partner-links' }, t('partner.links'), ' ', link(`${partnerPath(partnerId)}/offers`, t('nav.competencies')),
        ' · ', link(`${partnerPath(partnerId)}/membership`, t('nav.membership')),
        ' · ', link(`${partnerPath(partnerId)}/notifications`, t('nav.notifications'))),
    form,
    h('section', { 'aria-labelledby': 'offers-title' }, h('h2', { id: 'offers-title' }, t('partner.offers')),
      table([
        { label: t('col.offer'), cell: (s) => link(offerPath(partnerId, s.offerId), s.name, { 'data-offer': s.offerId }) },
        { label: t('col.status'), cell: statusBadge },
        { label: t('col.ad'), cell: (s) => day(s.anniversaryDate) },
        { label: t('col.requirements'), cell: requirements },
        { label: t('col.fee'), cell: (s) => money(s.renewalFee) },
      ], offers.offers, { caption: t('partner.offers'), empty: t('competencies.none') })),
    offerForm(partnerId, null, (offerId) => partnerPage(partnerId, () => savedNotice(
      h('p', {}, t('offer.saved'), ' ', link(offerPath(partnerId, offerId), offerId))))));
  focusTop(box);
}

/**
 * Enrol (status null) or edit an offer; an edit replaces the fields (D17). Once stored, onSaved(offerId)
 * draws the page again. Enrolling refuses an id the partner already has, read just before the save
 * (another operator may have enrolled it since the page was drawn): the API's PUT would replace
 * that offer, which only its page's edit form may do.
 */
function offerForm(partnerId, status, onSaved) {
  const prefix = status ? 'edit' : 'enrol';
  const id = (name) => `${prefix}-${name}`;
  const input = (name, attrs = {}) => h('input', { id: id(name), name, autocomplete: 'off', ...attrs });
  const offerId = status ? null : input('offer-id', { required: true });
  const type = h('select', { id: id('type') }, ['COMPETENCY', 'ADVANCED_SPECIALIZATION'].map((v) =>
    h('option', { value: v, selected: status?.type === v }, t(`type.${v}`))));
  const name = input('name', { required: true, value: status?.name ?? '' });
  const area = input('area', { required: true, value: status?.area ?? '' });
  const anniversary = input('anniversary-date', { type: 'date', required: true, value: status?.anniversaryDate ?? '' });
  const met = input('requirements-met', { type: 'checkbox', checked: status?.requirementsMet ?? false });
  const amount = input('fee-amount', { required: true, inputmode: 'decimal', value: status?.renewalFee.amount ?? '' });
  const currency = input('fee-currency', { required: true, value: status?.renewalFee.currency ?? 'USD' });
  const result = h('div', { 'aria-live': 'polite', id: id('result') });
  const form = h('form', { id: `${prefix}-offer`, novalidate: true, 'aria-labelledby': id('title') },
    h('h2', { id: id('title') }, t(status ? 'offer.editTitle' : 'offer.enrolTitle')),
    offerId ? field(id('offer-id'), t('offer.id'), offerId) : null,
    field(id('type'), t('offer.type'), type),
    field(id('name'), t('offer.name'), name),
    field(id('area'), t('offer.area'), area),
    field(id('anniversary-date'), t('offer.ad'), anniversary),
    h('div', { class: 'field check' }, met, h('label', { for: id('requirements-met') }, t('offer.requirementsMet'))),
    field(id('fee-amount'), t('offer.feeAmount'), amount),
    field(id('fee-currency'), t('offer.feeCurrency'), currency),
    h('button', { type: 'submit' }, t('offer.save')), result);
  // The API's names of the fields (a path's offerId too) and the inputs that hold them.
  const inputs = new Map(Object.entries({ offerId, type, name, area, anniversaryDate: anniversary, requirementsMet: met,
    renewalFee: amount, 'renewalFee.amount': amount, 'renewalFee.currency': currency }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = status ? status.offerId : offerId.value.trim();
    sendForm(form, result,
      () => put(offerPath(partnerId, target), { type: type.value, name: name.value.trim(), area: area.value.trim(),
        anniversaryDate: anniversary.value, requirementsMet: met.checked,
        renewalFee: { amount: amount.value.trim(), currency: currency.value.trim().toUpperCase() } }),
      () => onSaved(target),
      (field) => inputs.get(field),
      async () => {
        // Enrolling: the id goes into the address, where a missing or odd one would make another URL.
        if (status) return null;
        const mistake = idMistake(target, 'offer.idMissing', t('offer.id'))
          ?? (await offerExists(partnerId, target) ? parts('offer.idTaken', { offer: link(offerPath(partnerId, target), target) }) : null);
        return mistake ? [offerId, mistake] : null;
      });
  });
  return form;
}

async function dueOverview() {
  const params = new URLSearchParams(location.search);
  // The address follows the inputs (replaced, not one history entry a keystroke): it can be shared or reloaded.
  const follow = () => history.replaceState(null, '',
    `${config.basePath}/due?${new URLSearchParams({ from: from.value, to: to.value })}`);
  const from = h('input', { id: 'due-from', type: 'date', required: true, value: params.get('from'), oninput: follow });
  const to = h('input', { id: 'due-to', type: 'date', required: true, value: params.get('to'), oninput: follow });
  // A date input holds only a real YYYY-MM-DD date: one from the address that is not (from=abc,
  // 2021-02-30) leaves it empty, and is then taken as missing, rather than asking with no date.
  from.value ||= serviceToday();
  to.value ||= plusDays(from.value, 30);
  const results = h('div', { id: 'due-results', 'aria-live': 'polite' });
  const items = [];
  // A new list asks for the range in the inputs (an empty one is refused by the service, next to
  // it); Show more asks for the next page of the list shown, in its range (range), as its cursor
  // belongs to that range even when the inputs were edited since.
  const show = async (cursor, range = { from: from.value, to: to.value }) => {
    clearRefusals(form);
    try {
      const query = new URLSearchParams(range);
      if (cursor) query.set('cursor', cursor);
      const page = await get(`/due?${query}`);
      if (!cursor) items.length = 0;
      const shown = items.length;
      items.push(...page.items);
      fill(results, table([
        { label: t('col.dueAt'), cell: (i) => day(i.dueAt) },
        { label: t('col.work'), cell: (i) => t(`event.${i.work}`) },
        { label: t('col.partner'), cell: (i) => link(partnerPath(i.partnerId), i.partnerId) },
        { label: t('col.offer'), cell: (i) => link(offerPath(i.partnerId, i.offerId), i.name) },
        { label: t('col.ad'), cell: (i) => day(i.anniversaryDate) },
      ], items, { caption: t('due.title'), empty: t('due.none') }),
      // Disabled once pressed: a second click while the page is on its way would add the same rows again.
      page.nextCursor ? h('button', { type: 'button', id: 'due-more', class: 'secondary', onclick: (event) => {
        event.currentTarget.disabled = true;
        show(page.nextCursor, range);
      } }, t('due.more')) : null);
      // The inputs, and the address, say the range the list shows.
      from.value = range.from;
      to.value = range.to;
      follow();
      // "Show more" is redrawn away: the keyboard goes on at the first row it added.
      const added = cursor ? results.querySelectorAll('tbody tr')[shown] : null;
      if (added) {
        added.tabIndex = -1;
        added.focus();
      }
    } catch (error) {
      refused(error, results, (name) => ({ from, to })[name] ?? null); // a 400 names the date ("to: ...")
    }
  };
  const form = h('form', { id: 'due-form', class: 'inline', novalidate: true, onsubmit: (e) => { e.preventDefault(); show(null); } },
    field('due-from', t('due.from'), from), field('due-to', t('due.to'), to),
    h('button', { type: 'submit', id: 'due-show' }, t('due.show')));
  render(t('due.title'), h('p', {}, t('due.intro')), form, results);
  await show(null);
}

/** The service's date (config.json's today, D6), not the browser's: the local run's clock may be pinned. */
function serviceToday() {
  return config.today ?? new Date().toISOString().slice(0, 10);
}

function plusDays(iso, n) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

// ---------- sign-in ----------

function signInPage() {
  if (config.mode === 'local') {
    const tokenInput = h('textarea', { id: 'token', rows: '3', autocomplete: 'off', spellcheck: 'false' });
    return render(t('signIn.title'),
      h('p', {}, t('signIn.local')),
      h('ul', { class: 'personas' }, (config.personas ?? []).map((p) => h('li', {},
        h('button', { type: 'button', 'data-persona': p.id, onclick: () => signedIn(p.token) }, t('signIn.as', { who: p.label }))))),
      h('form', { id: 'token-form', onsubmit: (e) => { e.preventDefault(); if (tokenInput.value.trim()) signedIn(tokenInput.value); } },
        field('token', t('signIn.token'), tokenInput),
        h('button', { type: 'submit', id: 'token-sign-in' }, t('signIn.useToken'))));
  }
  const ready = config.issuer && config.clientId && config.redirectUri;
  return render(t('signIn.title'), ready
    ? h('button', { type: 'button', id: 'oidc-sign-in', onclick: () => auth.startOidc(config).catch((e) => main.append(problemBox(e))) }, t('signIn.oidc'))
    : notice('warning', h('p', {}, t('signIn.oidcMissing'))));
}

async function signedIn(value) {
  auth.signInWith(value);
  await enter();
}

/**
 * A token was received (pasted, a persona's, or from the issuer). Refused here when it is not a
 * token at all (a stray paste; one without `sub` still is, as the API needs none), or names neither
 * a partner (with the partner admin role) nor the operator role: said on the sign-in page, instead
 * of a console whose every call fails.
 */
async function enter() {
  const who = auth.claims();
  const refusal = refusalOf(who);
  if (refusal) {
    const values = { ...auth.claimNames(), value: String(who?.partnerId) };
    auth.signOut();
    if (currentPath() === '/callback') history.replaceState(null, '', `${config.basePath}/`);
    signInPage();
    const box = problemBox(new Error(t(refusal, values)));
    main.append(box);
    focusTop(box); // the keyboard's place is the refusal, not the top of the page
    return;
  }
  await adoptPartnerLanguage();
  go(returnPath() ?? '/', { replace: true });
}

/**
 * The address remembered before signing in (an email's deep link, or the page the previous person
 * of this tab left and Back showed again after signing out), unless it is another partner's page
 * for a partner admin, which would only read "Not found" (see notFound): then home instead.
 * Operators read any partner's pages (D22); operator-only pages send a partner admin home (operatorOnly).
 */
function returnPath() {
  const path = auth.takeReturn();
  const partnerId = path?.match(/^\/partners\/([^/?#]+)/)?.[1]; // as partnerPath wrote it into the address
  return !partnerId || auth.isOperator() || partnerId === encodeURIComponent(auth.claims().partnerId) ? path : null;
}

/** Why a token cannot be used here (the key of the words), or null when it can. */
function refusalOf(who) {
  if (!who) return 'problem.token';
  if (!auth.usable()) return 'problem.claims';
  // A partner admin's pages are addressed by that claim: one that cannot be an id reaches none of them.
  if (!auth.isOperator() && !(typeof who.partnerId === 'string' && ID.test(who.partnerId))) return 'problem.partnerId';
  return null;
}

/**
 * A partner admin who never chose a language gets the partner's (its emails' language), read with
 * GET /partners/{p} as the partner's own admin may (D22), for the session (a reload keeps it);
 * if that is refused, the browser's stays.
 */
async function adoptPartnerLanguage() {
  const partnerId = auth.claims()?.partnerId;
  if (chosen() || !partnerId || auth.isOperator()) return;
  try {
    const partner = await get(partnerPath(partnerId));
    if (partner?.language) {
      setLanguage(partner.language, { adopt: true });
      document.getElementById('language').value = currentLanguage();
    }
  } catch {
    // Not readable for this person: nothing to adopt.
  }
}

async function callback() {
  try {
    await auth.finishOidc(config, new URLSearchParams(location.search));
    await enter();
  } catch (error) {
    render(t('signIn.title'), notice('warning', h('p', {}, t('signIn.failed', { why: error.message }))));
  }
}

function home() {
  const who = auth.claims();
  if (auth.isOperator()) return go('/operator', { replace: true });
  if (who?.partnerId) return go(`${partnerPath(who.partnerId)}/offers`, { replace: true });
  return render(t('app.title'), h('p', {}, who?.subject ?? ''));
}

// ---------- routing ----------

/** An operator's page; anyone else goes home (a partner admin's own Competencies), this history entry replaced. */
const operatorOnly = (page) => (...args) => (auth.isOperator() ? page(...args) : go('/', { replace: true }));

const ROUTES = [
  [/^\/$/, home],
  [/^\/operator$/, operatorOnly(operatorHome)],
  [/^\/due$/, operatorOnly(dueOverview)],
  [/^\/help\/pmc-migration$/, pmcHelp],
  [/^\/partners\/([^/]+)$/, partnerPage],
  [/^\/partners\/([^/]+)\/offers$/, competencies],
  [/^\/partners\/([^/]+)\/membership$/, membershipOffers],
  [/^\/partners\/([^/]+)\/notifications$/, notifications],
  [/^\/partners\/([^/]+)\/offers\/([^/]+)$/, offerPage],
];

function currentPath() {
  const path = location.pathname.startsWith(config.basePath) ? location.pathname.slice(config.basePath.length) : location.pathname;
  return path === '' ? '/' : path;
}

/** An id from the address, decoded; null when it is not one (malformed, or outside the API's id rule). */
function decodedId(segment) {
  try {
    const id = decodeURIComponent(segment);
    return ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

function go(path, { replace = false } = {}) {
  const url = config.basePath + path;
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  return show();
}

function navigation() {
  const nav = document.getElementById('nav');
  const who = auth.claims();
  const here = currentPath();
  // The link of the page shown is marked (its query, e.g. ?offer= or ?from=, is the same page).
  const item = (path, key) => link(path, t(key), { 'aria-current': path === here ? 'page' : null });
  const items = [];
  if (who?.partnerId && !auth.isOperator()) {
    items.push(item(`${partnerPath(who.partnerId)}/offers`, 'nav.competencies'),
      item(`${partnerPath(who.partnerId)}/membership`, 'nav.membership'),
      item(`${partnerPath(who.partnerId)}/notifications`, 'nav.notifications'));
  }
  if (auth.isOperator()) items.push(item('/operator', 'nav.operator'), item('/due', 'nav.due'));
  nav.replaceChildren(...(items.length ? [h('ul', {}, items.map((a) => h('li', {}, a)))] : []));
  document.getElementById('who').textContent = who?.subject ?? '';
  document.getElementById('sign-out').hidden = !who;
  document.getElementById('sign-out').textContent = t('signOut');
  document.getElementById('language-label').textContent = t('language');
  document.getElementById('brand').textContent = t('app.title');
  document.getElementById('brand').setAttribute('href', `${config.basePath}/`);
  document.querySelector('.skip').textContent = t('skip');
}

async function show() {
  navigation();
  const path = currentPath();
  if (path === '/callback') return callback();
  if (!auth.token()) {
    if (path !== '/') auth.rememberReturn(path + location.search + location.hash);
    return signInPage();
  }
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  if (!route) return notFound(h('p', {}, t('notFound.page')));
  main.setAttribute('aria-busy', 'true');
  try {
    // An id in the address that cannot be one names nothing, as an unknown one does: no call, no English 400.
    const args = path.match(route[0]).slice(1).map(decodedId);
    if (args.includes(null)) return notFound(h('p', {}, t('notFound.page')));
    await route[1](...args);
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) {
      expired(error);
    } else if (error instanceof ApiProblem && error.status === 404) {
      notFound(problemBox(error, {}, { titled: false }));
    } else {
      render(t('problem.title'), problemBox(error, {}, { titled: false }));
    }
  } finally {
    main.removeAttribute('aria-busy');
    // A new page starts at its heading, unless the page put the focus somewhere in it (#renew's field).
    const active = document.activeElement;
    if (!main.contains(active) || active === main) main.querySelector('h1')?.focus();
  }
}

/**
 * A page that is not there: an unknown address, or a partner or offer the API answers 404 for,
 * which it does alike for another partner's (docs/rules.md, section 3): the page says no more than
 * that, and leads home.
 */
function notFound(what) {
  const partnerId = auth.claims()?.partnerId;
  const back = auth.isOperator() ? link('/operator', t('operator.title'))
    : partnerId ? link(`${partnerPath(partnerId)}/offers`, t('notFound.back')) : null;
  render(t('notFound.title'), what, back ? h('p', { id: 'not-found-back' }, back) : null);
}

/**
 * Signed out, by the person or by a 401: nothing of the session stays in the header, and the
 * person's own language is back (the one they picked, else the browser's), not the partner's
 * adopted at sign-in.
 */
function endSession() {
  auth.signOut();
  dropAdopted();
  document.getElementById('language').value = currentLanguage();
  navigation();
}

/** A 401 in the middle of a session (the token expired): signed out, and back on this page after signing in again. */
function expired(error) {
  const path = currentPath() + location.search;
  endSession();
  auth.rememberReturn(path);
  signInPage();
  const box = problemBox(error);
  main.append(box);
  focusTop(box);
}

/** What the person typed or ticked on the page, by field id: a new language draws the page again. */
function typedFields() {
  return [...main.querySelectorAll('input[id], select[id], textarea[id]')]
    .map((field) => [field.id, field.type === 'checkbox' ? field.checked : field.value]);
}

/** Puts typedFields() back, with as many contact rows as the person had added or removed. */
function retype(typed) {
  const focused = document.activeElement;
  const rows = typed.filter(([id]) => id.startsWith('contact-email-')).length;
  const drawn = () => main.querySelectorAll('#contacts fieldset.contact');
  const add = document.getElementById('add-contact');
  while (add && drawn().length < rows && !add.disabled) add.click();
  while (drawn().length > rows) drawn()[drawn().length - 1].querySelector('button').click();
  for (const [id, value] of typed) {
    const field = document.getElementById(id);
    if (!field || !main.contains(field)) continue;
    if (field.type === 'checkbox') field.checked = value;
    else field.value = value;
  }
  focused?.focus(); // adding or removing rows moved the focus; it stays where the new page put it
}

// ---------- start ----------

document.addEventListener('click', (event) => {
  const a = event.target.closest('a[data-route]');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const url = new URL(a.href);
  history.pushState(null, '', url.pathname + url.search + url.hash);
  show();
});
window.addEventListener('popstate', show);
document.getElementById('language').addEventListener('change', async (event) => {
  setLanguage(event.target.value, { remember: true });
  const typed = typedFields();
  await show();
  retype(typed);
});
document.getElementById('sign-out').addEventListener('click', () => {
  endSession();
  go('/');
});

async function start() {
  try {
    const answer = await fetch('/console/config.json', { headers: { Accept: 'application/json' } });
    if (answer.ok) config = await answer.json();
  } catch {
    // No settings: the local defaults (no personas) still show the page.
  }
  auth.useClaimNames(config.claims);
  setLanguage(currentLanguage());
  document.getElementById('language').value = currentLanguage();
  await show();
  document.body.dataset.ready = 'true';
}

start();
