/**
 * The words of the deal lists (src/core/deals/dealLists.ts): the rule of
 * each list, as a page states it under the list, and what the slipped list
 * says before two deals exports are recorded.
 */
export const dealEn = {
  'dealList.rule.overdue': 'Open deals whose expected close date has passed, whatever the period. Largest first, then the most overdue.',
  'dealList.rule.due': 'Open deals expected to close in the period, from the as-of date on (KPI 4\'s pipeline), by stage. Largest first.',
  'dealList.rule.closingThisWeek': 'Open deals expected to close from the as-of date to Sunday. Soonest first.',
  'dealList.rule.stale': 'Open deals nobody has moved or touched for longer than their stage allows: no stage change and no linked activity. Longest untouched first.',
  'dealList.rule.slipped': 'Open deals whose close date was in the period in an earlier export and is after it now. Largest first.',
  'dealList.rule.largest': 'The largest open deals expected to close in the period.',
  'dealList.rule.won': 'Deals won with a close date in the period. Largest first.',
  'dealList.rule.lost': 'Deals lost with a close date in the period. Largest first.',
  'dealList.rule.forecast': 'The period\'s pipeline, each deal weighted by the share of deals that got as far as its stage and were won. Largest expected value first.',
  'dealList.slippedNeedsExports': 'Slipped deals need two deals exports uploaded ({n} so far): each accepted upload records the open deals\' close dates, and a deal has slipped when a later export moves its close date out of the period.',
};

export const dealRu: Record<keyof typeof dealEn, string> = {
  'dealList.rule.overdue': 'Открытые сделки, ожидаемая дата закрытия которых уже прошла, за любой период. Сначала крупные, затем самые просроченные.',
  'dealList.rule.due': 'Открытые сделки с ожидаемым закрытием в периоде, начиная с даты отчёта (воронка KPI 4), по этапам. Сначала крупные.',
  'dealList.rule.closingThisWeek': 'Открытые сделки с ожидаемым закрытием от даты отчёта до воскресенья. Сначала ближайшие.',
  'dealList.rule.stale': 'Открытые сделки, которые никто не двигал и не трогал дольше, чем допускает их этап: ни смены этапа, ни связанной активности. Сначала самые забытые.',
  'dealList.rule.slipped': 'Открытые сделки, дата закрытия которых в прежней выгрузке была в периоде, а теперь позже него. Сначала крупные.',
  'dealList.rule.largest': 'Крупнейшие открытые сделки с ожидаемым закрытием в периоде.',
  'dealList.rule.won': 'Выигранные сделки с датой закрытия в периоде. Сначала крупные.',
  'dealList.rule.lost': 'Проигранные сделки с датой закрытия в периоде. Сначала крупные.',
  'dealList.rule.forecast': 'Воронка периода: каждая сделка взвешена долей выигранных среди сделок, дошедших до её этапа. Сначала наибольшая ожидаемая сумма.',
  'dealList.slippedNeedsExports': 'Для сорвавшихся сроков нужны две загруженные выгрузки сделок (пока — {n}): каждая принятая загрузка записывает ожидаемые даты закрытия открытых сделок, и сделка сорвала срок, когда следующая выгрузка переносит её дату закрытия за пределы периода.',
};
