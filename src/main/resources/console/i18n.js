// The console's words in English and Simplified Chinese; dates and money follow the language.

const STRINGS = {
  en: {
    'app.title': 'Partner renewals',
    'skip': 'Skip to content',
    'language': 'Language',
    'signOut': 'Sign out',
    'signIn.title': 'Sign in',
    'signIn.oidc': 'Sign in with your organisation',
    'signIn.oidcMissing': 'Sign-in is not configured for this deployment (ConsoleClientId, ConsoleRedirectUri).',
    'signIn.local': 'Local run: choose a demo persona. Their tokens are unsigned and work only here.',
    'signIn.as': 'Sign in as {who}',
    'signIn.token': 'Or paste a token',
    'signIn.useToken': 'Sign in with this token',
    'signIn.failed': 'Sign-in did not complete: {why}',
    'nav.competencies': 'Competencies',
    'nav.membership': 'Membership offers',
    'nav.notifications': 'Notifications',
    'nav.due': 'Due overview',
    'nav.operator': 'Open a partner',
    'competencies.title': 'Competencies',
    'competencies.intro': 'Each offer, where it stands today ({asOf}). Select one to see its notices and renew it.',
    'competencies.introOperator': 'Each offer, where it stands today ({asOf}), as the partner sees it.',
    'competencies.none': 'No offers yet.',
    'col.offer': 'Offer', 'col.area': 'Area', 'col.status': 'Status', 'col.ad': 'Anniversary date',
    'col.window': 'Renewal window', 'col.daysLeft': 'Days left', 'col.requirements': 'Requirements',
    'col.fee': 'Fee', 'col.renew': 'Renew', 'col.previousAd': 'Previous AD', 'col.newAd': 'New AD',
    'col.renewedOn': 'Renewed on', 'col.payment': 'Payment', 'col.event': 'Event', 'col.to': 'To',
    'col.sentAt': 'Sent', 'col.dueAt': 'Due', 'col.work': 'Work', 'col.partner': 'Partner',
    'status.ACTIVE': 'Active', 'status.IN_RENEWAL_WINDOW': 'In renewal window', 'status.LAPSED': 'Lapsed',
    'type.COMPETENCY': 'Competency', 'type.ADVANCED_SPECIALIZATION': 'Advanced specialization',
    'req.complete': 'Complete', 'req.incomplete': 'Not complete', 'req.exempt': 'Not complete — exempt until {until}',
    'days.left.one': '{n} day left', 'days.left.other': '{n} days left',
    'days.opensIn.one': 'Opens in {n} day', 'days.opensIn.other': 'Opens in {n} days', 'days.none': '—',
    'window.range': '{opens} – {closes}',
    'time.at': '{date}, {time} UTC',
    'offer.renewable': 'Renewable now.',
    'offer.notRenewable': 'Not renewable now:',
    'exemption.title': 'You have been given an exemption',
    'exemption.titleOperator': 'Exempt from meeting the requirements',
    'exemption.textNoFee': 'COVID-19 extension: this offer is exempt from meeting the requirements until {until}. No renewal fee is due.',
    'exemption.textFee': 'COVID-19 extension: this offer is exempt from meeting the requirements until {until}. The renewal fee is still due.',
    'exemption.pendingTitle': 'An exemption once you have moved to Partner Center',
    'exemption.pendingTitleOperator': 'Exempt once the membership has moved to Partner Center',
    'exemption.pendingNoFee': 'COVID-19 extension: this offer would be exempt from meeting the requirements until {until} once the membership has moved from PMC to Partner Center. No renewal fee is due.',
    'exemption.pendingFee': 'COVID-19 extension: this offer would be exempt from meeting the requirements until {until} once the membership has moved from PMC to Partner Center. The renewal fee is still due.',
    'blocker.renewal-window-not-open': 'The renewal window opens on {opens}.',
    'blocker.renewal-window-closed': 'The renewal window closed on {closes}; the offer has lapsed and its benefits have stopped.',
    'blocker.pmc-migration-required': 'The exemption applies only once your membership has moved from PMC (Partner Membership Center) to Partner Center.',
    'blocker.pmc-migration-required.operator': 'The exemption applies only once the partner\'s membership has moved from PMC (Partner Membership Center) to Partner Center.',
    'blocker.requirements-not-met': 'The offer\'s requirements are not met. Complete them to renew.',
    'blocker.payment-mismatch': 'The payment of {paid} does not match the renewal fee of {fee}.',
    'pmc.link': 'What to do: move from PMC to Partner Center',
    'pmc.title': 'Moving your membership from PMC to Partner Center',
    'pmc.text': 'The COVID-19 extension waives the requirements only for memberships managed in Partner Center. Ask your partner program operator to move your membership from the Partner Membership Center (PMC); once it is marked as moved, the exemption applies and the offer becomes renewable.',
    'pmc.titleOperator': 'Moving a partner\'s membership from PMC to Partner Center',
    'pmc.textOperator': 'The COVID-19 extension waives the requirements only for memberships managed in Partner Center. Once the partner\'s membership has moved from the Partner Membership Center (PMC), tick “Moved from PMC to Partner Center” on the partner\'s page: the exemption then applies and the offer becomes renewable.',
    'pmc.markMoved': 'Mark {partner} as moved on its page',
    'pmc.back': 'Back to your competencies',
    'pmc.backTo': 'Back to the competencies of {partner}',
    'renew.title': 'Membership offers: renew',
    'renew.feeIs': 'Renewal fee: {fee}',
    'renew.noFee': 'No fee is due for this offer.',
    'renew.reference': 'Payment reference',
    'renew.referenceHint': 'The reference of your payment of the fee, e.g. PAY-2021-0042.',
    'renew.button': 'Renew',
    'renew.working': 'Renewing…',
    'renew.done': 'Renewed. The new anniversary date is {date}.',
    'renew.replayed': 'This renewal had already been made; nothing was charged twice.',
    'renew.retry': 'The service could not be reached. Press Renew again: the same attempt is retried and renews at most once.',
    'reminders.title': 'Reminders',
    'reminders.none': 'No reminders for this anniversary date.',
    'reminders.notYet': 'Not yet',
    'reminders.intro': 'The daily sweep records each reminder when it is due, and its email goes out then.',
    'reminders.delivery': 'See in Notifications whether it reached the contacts.',
    'col.reminder': 'Reminder', 'col.recordedOn': 'Recorded on',
    'history.title': 'Renewal history',
    'history.none': 'Not renewed yet.',
    'col.renewal': 'Renewal', 'col.exemptUntil': 'Exempt until',
    'membership.title': 'Membership offers',
    'membership.intro': 'Pay the fee to renew an offer inside its renewal window.',
    'membership.introOperator': 'The offers and fees as the partner\'s admin sees them; only that admin can renew.',
    'membership.open': 'Renew {name}',
    'membership.unknown': 'There is no offer {id} for this partner.',
    'notifications.title': 'Notifications',
    'notifications.none': 'No notifications yet.',
    'notifications.notSent': 'Not sent',
    'event.UPCOMING_ANNIVERSARY': 'Upcoming anniversary', 'event.WINDOW_CLOSING': 'Window closing',
    'event.LAPSED': 'Lapsed', 'event.RENEWED': 'Renewed', 'event.LAPSE': 'Lapse',
    'delivery.SENT': 'Sent', 'delivery.NO_CONTACTS': 'No contacts', 'delivery.OBSOLETE': 'Obsolete', 'delivery.FAILED': 'Failed',
    'operator.title': 'Open a partner',
    'operator.partnerId': 'Partner id',
    'operator.partnerIdMissing': 'Enter the partner id.',
    'operator.open': 'Open',
    'partner.title': 'Partner {id}',
    'partner.named': '{name} ({id})',
    'partner.of': '{title} — {partner}',
    'partner.unknown': 'No partner {id} yet: describe it below to enrol it.',
    'partner.name': 'Name',
    'partner.migrated': 'Moved from PMC to Partner Center',
    'partner.language': 'Language of emails',
    'partner.contacts': 'Contacts',
    'partner.contact': 'Contact {n}',
    'partner.contactEmail': 'Email of contact {n}',
    'partner.contactName': 'Name of contact {n}',
    'partner.addContact': 'Add a contact',
    'partner.contactsMax': 'At most {n} contacts: remove one to add another.',
    'partner.removeContact': 'Remove contact {n}',
    'partner.save': 'Save partner',
    'partner.saved': 'Partner saved.',
    'partner.offers': 'Offers',
    'partner.links': 'As the partner sees it:',
    'offer.enrolTitle': 'Enrol an offer',
    'offer.editTitle': 'Edit the offer',
    'offer.id': 'Offer id',
    'offer.idMissing': 'Enter the offer id.',
    'offer.idTaken': 'This partner already has the offer {offer}: change it on its page.',
    'id.invalid': '{what} may hold only letters, digits, ".", "_" and "-" (at most 128), and starts with a letter or digit.',
    'offer.type': 'Type',
    'offer.name': 'Name',
    'offer.area': 'Area',
    'offer.ad': 'Anniversary date',
    'offer.requirementsMet': 'Requirements met',
    'offer.feeAmount': 'Fee amount',
    'offer.feeCurrency': 'Fee currency',
    'offer.save': 'Save offer',
    'offer.saved': 'Offer saved.',
    'due.title': 'Due overview',
    'due.intro': 'What the daily sweep reminds or lapses on each day of a range (at most 31 days).',
    'due.from': 'From',
    'due.to': 'To',
    'due.show': 'Show',
    'due.more': 'Show more',
    'due.none': 'Nothing is due in this range.',
    'problem.title': 'The request was refused',
    'problem.network': 'The service could not be reached. Check your connection and try again.',
    'problem.unauthenticated': 'Your sign-in has expired. Sign in again.',
    'problem.payment-required': 'The renewal fee of {fee} must be paid: enter the payment reference and renew again.',
    'problem.invalid-request': 'The request is not valid: {detail}',
    'problem.payload-too-large': 'The form holds too much text to send (at most 16 KiB): shorten its longest field.',
    'problem.forbidden': 'You may not see or change this.',
    'problem.not-found': 'There is no such partner or offer.',
    'problem.request-in-progress': 'This renewal is still being processed. Wait a moment, then press Renew again.',
    'problem.idempotency-key-missing': 'The renewal was sent without its Idempotency-Key. Reload the page and renew again.',
    'problem.idempotency-key-reused': 'This attempt\'s key was already used for another request. Reload the page and renew again.',
    'problem.offer-changed': 'The offer changed while this was being saved (it was renewed or edited meanwhile). Reload it, check it and send the change again.',
    'problem.service-unavailable': 'The service could not complete this now. Try again in a moment: a renewal tried again renews at most once.',
    'problem.token': 'This token cannot be read. Paste the whole token, or choose a persona.',
    'problem.claims': 'This sign-in does not say whom you act for: the token needs a partner (claim {partner}) with the role {partnerAdminRole}, or the role {operatorRole}. Ask your administrator for access.',
    'problem.partnerId': 'This sign-in names the partner “{value}” (claim {partner}), which is not a partner id: 1 to 128 letters, digits, “.”, “_” or “-”. Ask your administrator to correct it.',
    'renew.referenceMissing': 'Enter the payment reference.',
    'notFound.title': 'Not found',
    'notFound.page': 'There is no such page.',
    'notFound.back': 'Back to your competencies',
  },
  'zh-CN': {
    'app.title': '合作伙伴续订',
    'skip': '跳到内容',
    'language': '语言',
    'signOut': '退出',
    'signIn.title': '登录',
    'signIn.oidc': '使用你的组织账户登录',
    'signIn.oidcMissing': '此部署尚未配置登录（ConsoleClientId、ConsoleRedirectUri）。',
    'signIn.local': '本地运行：请选择一个演示身份。其令牌未签名，仅在本地有效。',
    'signIn.as': '以 {who} 登录',
    'signIn.token': '或粘贴令牌',
    'signIn.useToken': '使用此令牌登录',
    'signIn.failed': '登录未完成：{why}',
    'nav.competencies': '能力',
    'nav.membership': '会员产品',
    'nav.notifications': '通知',
    'nav.due': '到期概览',
    'nav.operator': '打开合作伙伴',
    'competencies.title': '能力',
    'competencies.intro': '各产品截至今天（{asOf}）的状态。选择一项以查看通知并续订。',
    'competencies.introOperator': '各产品截至今天（{asOf}）的状态，与合作伙伴看到的相同。',
    'competencies.none': '暂无产品。',
    'col.offer': '产品', 'col.area': '领域', 'col.status': '状态', 'col.ad': '周年日',
    'col.window': '续订期', 'col.daysLeft': '剩余天数', 'col.requirements': '要求',
    'col.fee': '费用', 'col.renew': '续订', 'col.previousAd': '原周年日', 'col.newAd': '新周年日',
    'col.renewedOn': '续订日期', 'col.payment': '付款', 'col.event': '事件', 'col.to': '收件人',
    'col.sentAt': '发送时间', 'col.dueAt': '到期日', 'col.work': '事项', 'col.partner': '合作伙伴',
    'status.ACTIVE': '有效', 'status.IN_RENEWAL_WINDOW': '续订期内', 'status.LAPSED': '已失效',
    'type.COMPETENCY': '能力', 'type.ADVANCED_SPECIALIZATION': '高级专业化',
    'req.complete': '已完成', 'req.incomplete': '未完成', 'req.exempt': '未完成（豁免至 {until}）',
    'days.left.other': '剩余 {n} 天', 'days.opensIn.other': '{n} 天后开放', 'days.none': '—',
    'window.range': '{opens} 至 {closes}',
    'time.at': '{date} {time} UTC',
    'offer.renewable': '现在可以续订。',
    'offer.notRenewable': '现在无法续订：',
    'exemption.title': '你已获得豁免',
    'exemption.titleOperator': '免于满足相关要求',
    'exemption.textNoFee': 'COVID-19 延期政策：在 {until} 之前，此项目免于满足相关要求，且无需支付续订费用。',
    'exemption.textFee': 'COVID-19 延期政策：在 {until} 之前，此项目免于满足相关要求，但仍需支付续订费用。',
    'exemption.pendingTitle': '迁移到合作伙伴中心后可获豁免',
    'exemption.pendingTitleOperator': '会员资格迁移到合作伙伴中心后可获豁免',
    'exemption.pendingNoFee': 'COVID-19 延期政策：会员资格从 PMC 迁移到合作伙伴中心后，此项目在 {until} 之前免于满足相关要求，且无需支付续订费用。',
    'exemption.pendingFee': 'COVID-19 延期政策：会员资格从 PMC 迁移到合作伙伴中心后，此项目在 {until} 之前免于满足相关要求，但仍需支付续订费用。',
    'blocker.renewal-window-not-open': '续订期将于 {opens} 开始。',
    'blocker.renewal-window-closed': '续订期已于 {closes} 结束；该产品已失效，权益已停止。',
    'blocker.pmc-migration-required': '只有在你的会员资格从 PMC（合作伙伴会员中心）迁移到合作伙伴中心之后，豁免才适用。',
    'blocker.pmc-migration-required.operator': '只有在该合作伙伴的会员资格从 PMC（合作伙伴会员中心）迁移到合作伙伴中心之后，豁免才适用。',
    'blocker.requirements-not-met': '尚未满足该产品的要求。请完成要求后再续订。',
    'blocker.payment-mismatch': '付款金额 {paid} 与续订费用 {fee} 不符。',
    'pmc.link': '如何处理：从 PMC 迁移到合作伙伴中心',
    'pmc.title': '将会员资格从 PMC 迁移到合作伙伴中心',
    'pmc.text': 'COVID-19 延期政策仅对在合作伙伴中心管理的会员资格豁免要求。请联系合作伙伴计划的运营人员，将你的会员资格从合作伙伴会员中心（PMC）迁移；标记为已迁移后，豁免即适用，该产品即可续订。',
    'pmc.titleOperator': '将合作伙伴的会员资格从 PMC 迁移到合作伙伴中心',
    'pmc.textOperator': 'COVID-19 延期政策仅对在合作伙伴中心管理的会员资格豁免要求。合作伙伴的会员资格从合作伙伴会员中心（PMC）迁移后，请在该合作伙伴的页面上勾选“已从 PMC 迁移到合作伙伴中心”：豁免随即适用，该产品即可续订。',
    'pmc.markMoved': '在 {partner} 的页面上标记为已迁移',
    'pmc.back': '返回你的能力',
    'pmc.backTo': '返回 {partner} 的能力',
    'renew.title': '会员产品：续订',
    'renew.feeIs': '续订费用：{fee}',
    'renew.noFee': '此产品无需付费。',
    'renew.reference': '付款参考号',
    'renew.referenceHint': '你支付该费用的参考号，例如 PAY-2021-0042。',
    'renew.button': '续订',
    'renew.working': '正在续订…',
    'renew.done': '已续订。新的周年日为 {date}。',
    'renew.replayed': '此续订此前已完成；不会重复收费。',
    'renew.retry': '无法连接服务。请再次点击“续订”：将重试同一次操作，最多续订一次。',
    'reminders.title': '提醒',
    'reminders.none': '此周年日没有提醒。',
    'reminders.notYet': '尚未记录',
    'reminders.intro': '每日定时任务会在每条提醒到期时记录它，并随即发送邮件。',
    'reminders.delivery': '在“通知”中查看邮件是否送达联系人。',
    'col.reminder': '提醒', 'col.recordedOn': '记录日期',
    'history.title': '续订历史',
    'history.none': '尚未续订。',
    'col.renewal': '续订编号', 'col.exemptUntil': '豁免至',
    'membership.title': '会员产品',
    'membership.intro': '在续订期内支付费用即可续订产品。',
    'membership.introOperator': '合作伙伴管理员看到的产品和费用；只有该管理员可以续订。',
    'membership.open': '续订 {name}',
    'membership.unknown': '该合作伙伴没有产品 {id}。',
    'notifications.title': '通知',
    'notifications.none': '暂无通知。',
    'notifications.notSent': '未发送',
    'event.UPCOMING_ANNIVERSARY': '即将到周年日', 'event.WINDOW_CLOSING': '续订即将截止',
    'event.LAPSED': '已失效', 'event.RENEWED': '已续订', 'event.LAPSE': '失效',
    'delivery.SENT': '已发送', 'delivery.NO_CONTACTS': '无联系人', 'delivery.OBSOLETE': '已过时', 'delivery.FAILED': '失败',
    'operator.title': '打开合作伙伴',
    'operator.partnerId': '合作伙伴 ID',
    'operator.partnerIdMissing': '请填写合作伙伴 ID。',
    'operator.open': '打开',
    'partner.title': '合作伙伴 {id}',
    'partner.named': '{name}（{id}）',
    'partner.of': '{title} — {partner}',
    'partner.unknown': '尚无合作伙伴 {id}：在下方填写信息以登记。',
    'partner.name': '名称',
    'partner.migrated': '已从 PMC 迁移到合作伙伴中心',
    'partner.language': '邮件语言',
    'partner.contacts': '联系人',
    'partner.contact': '联系人 {n}',
    'partner.contactEmail': '联系人 {n} 的邮箱',
    'partner.contactName': '联系人 {n} 的姓名',
    'partner.addContact': '添加联系人',
    'partner.contactsMax': '最多 {n} 个联系人：删除一个后才能再添加。',
    'partner.removeContact': '删除联系人 {n}',
    'partner.save': '保存合作伙伴',
    'partner.saved': '已保存合作伙伴。',
    'partner.offers': '产品',
    'partner.links': '合作伙伴看到的页面：',
    'offer.enrolTitle': '登记产品',
    'offer.editTitle': '编辑产品',
    'offer.id': '产品 ID',
    'offer.idMissing': '请填写产品 ID。',
    'offer.idTaken': '该合作伙伴已有产品 {offer}：请在其页面上修改。',
    'id.invalid': '{what} 只能包含字母、数字、“.”、“_”和“-”（最多 128 个），且须以字母或数字开头。',
    'offer.type': '类型',
    'offer.name': '名称',
    'offer.area': '领域',
    'offer.ad': '周年日',
    'offer.requirementsMet': '已满足要求',
    'offer.feeAmount': '费用金额',
    'offer.feeCurrency': '费用币种',
    'offer.save': '保存产品',
    'offer.saved': '已保存产品。',
    'due.title': '到期概览',
    'due.intro': '每日清扫在某个日期范围（最多 31 天）内每天提醒或失效的事项。',
    'due.from': '开始日期',
    'due.to': '结束日期',
    'due.show': '显示',
    'due.more': '显示更多',
    'due.none': '此范围内没有到期事项。',
    'problem.title': '请求被拒绝',
    'problem.network': '无法连接服务。请检查网络后重试。',
    'problem.unauthenticated': '登录已过期，请重新登录。',
    'problem.payment-required': '必须支付续订费用 {fee}：请填写付款参考号后再次续订。',
    'problem.invalid-request': '请求无效：{detail}',
    'problem.payload-too-large': '表单内容过多，无法发送（最多 16 KiB）：请缩短其中最长的字段。',
    'problem.forbidden': '你无权查看或更改此内容。',
    'problem.not-found': '没有这个合作伙伴或产品。',
    'problem.request-in-progress': '此续订仍在处理中。请稍候再点击“续订”。',
    'problem.idempotency-key-missing': '续订请求缺少 Idempotency-Key。请重新加载页面后再次续订。',
    'problem.idempotency-key-reused': '此次操作的密钥已用于另一个请求。请重新加载页面后再次续订。',
    'problem.offer-changed': '保存期间此产品已被更改（已续订或已编辑）。请重新加载，核对后再次提交更改。',
    'problem.service-unavailable': '服务暂时无法完成此操作。请稍后重试：重试续订最多只会续订一次。',
    'problem.token': '无法读取此令牌。请粘贴完整的令牌，或选择一个演示身份。',
    'problem.claims': '此登录未说明你代表谁：令牌需要包含合作伙伴（{partner} 声明）及 {partnerAdminRole} 角色，或者 {operatorRole} 角色。请联系管理员获取权限。',
    'problem.partnerId': '此登录所示的合作伙伴“{value}”（{partner} 声明）不是有效的合作伙伴 ID：须为 1 至 128 个字母、数字、“.”、“_”或“-”。请联系管理员更正。',
    'renew.referenceMissing': '请填写付款参考号。',
    'notFound.title': '未找到',
    'notFound.page': '没有这个页面。',
    'notFound.back': '返回你的能力',
  },
};

export const LANGUAGES = Object.keys(STRINGS);

/** The language the person chose in the menu, kept in this browser; null when they never chose. */
function stored() {
  const value = localStorage.getItem('language');
  return LANGUAGES.includes(value) ? value : null;
}

/** The browser's preference: the first English or Chinese in navigator.languages (any zh is zh-CN). */
function fromBrowser() {
  for (const tag of navigator.languages ?? [navigator.language ?? '']) {
    if (/^zh\b/i.test(tag)) return 'zh-CN';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'en';
}

/** The person's own language: the one they picked in the menu, else the browser's. */
export function ownLanguage() {
  return stored() ?? fromBrowser();
}

const ADOPTED = 'language.adopted';

/** The partner's language adopted at sign-in, kept in this tab until sign-out: a reload or an email's link keeps it. */
function adopted() {
  const value = sessionStorage.getItem(ADOPTED);
  return LANGUAGES.includes(value) ? value : null;
}

let language = stored() ?? adopted() ?? fromBrowser();

/** True once the person picked a language in the menu: then nothing else changes it. */
export function chosen() {
  return stored() !== null;
}

export function currentLanguage() {
  return language;
}

/**
 * Shows the page in a language; remember (the person's own choice) keeps it for the next visits,
 * adopt (the partner's, at sign-in) for this session only.
 */
export function setLanguage(next, { remember = false, adopt = false } = {}) {
  language = LANGUAGES.includes(next) ? next : 'en';
  if (remember) localStorage.setItem('language', language);
  if (adopt) sessionStorage.setItem(ADOPTED, language);
  document.documentElement.lang = language;
}

/** The session ended: the partner's language is no longer adopted, and the person's own is back. */
export function dropAdopted() {
  sessionStorage.removeItem(ADOPTED);
  setLanguage(ownLanguage());
}

/** A key's text in the current language, else in English; undefined for an unknown key. */
function lookup(key) {
  return STRINGS[language][key] ?? STRINGS.en[key];
}

/** The text for a key as parts, its placeholders filled with the values as given (elements stay elements). */
export function parts(key, values = {}) {
  const text = lookup(key) ?? key;
  return text.split(/(\{\w+\})/).filter((part) => part !== '')
    .map((part) => (/^\{\w+\}$/.test(part) ? (values[part.slice(1, -1)] ?? part) : part));
}

/** The parts of a key's text when there is such a key and every placeholder has a value; else null. */
export function partsIfKnown(key, values = {}) {
  const text = lookup(key);
  if (text === undefined) return null;
  const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return names.every((name) => values[name] !== undefined && values[name] !== null) ? parts(key, values) : null;
}

/** The text for a key in the current language, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const text = lookup(key) ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}

/**
 * A count's text: the key's form for n in the current language's plural rules (key.one, key.other;
 * Chinese has only other), with {n} filled in.
 */
export function count(key, n) {
  const form = new Intl.PluralRules(language).select(n);
  return t(lookup(`${key}.${form}`) === undefined ? `${key}.other` : `${key}.${form}`, { n });
}

/** A calendar date (YYYY-MM-DD) as the emails write it ("15 March 2021", "2021年3月15日"); never shifted by zones. */
export function date(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${iso}T00:00:00Z`));
}

/**
 * An instant as the emails write a date, with its time in UTC (the service's zone, not the
 * browser's): "20 March 2021, 10:00 UTC", "2021年3月20日 10:00 UTC".
 */
export function instant(iso) {
  const utc = new Date(iso).toISOString();
  return t('time.at', { date: date(utc.slice(0, 10)), time: utc.slice(11, 16) });
}

/**
 * A decimal-string amount as the emails write it: "USD 4,730.00", "4,730.00 美元". The digits are
 * the API's own (no rounding through a float): grouped, padded to the currency's decimals.
 */
export function money(m) {
  if (!m) return '—';
  const [whole, fraction = ''] = String(m.amount).split('.');
  let decimals = 2;
  let name = m.currency;
  try {
    decimals = new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).resolvedOptions().minimumFractionDigits;
    if (language === 'zh-CN') name = new Intl.DisplayNames(['zh-CN'], { type: 'currency' }).of(m.currency) ?? m.currency;
  } catch {
    // Not an ISO 4217 code: written as given, two decimals.
  }
  const shown = fraction.replace(/0+$/, '').padEnd(decimals, '0');
  const amount = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (shown ? `.${shown}` : '');
  return language === 'zh-CN' ? `${amount} ${name}` : `${m.currency} ${amount}`;
}
