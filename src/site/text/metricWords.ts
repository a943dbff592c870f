/**
 * How a number reads: every metric's label (`metric.<path>`, one for each
 * metric of src/core/schema/kpiReport.ts: a metric without a label, or a
 * label without a metric, is a type error) and each section's
 * (`section.<name>`, the title of its metrics' group), KPI 4's focus, the
 * small-number flags, changes against the period before, the missing value.
 */
import type { MetricLabelKey, SectionLabelKey } from '../../core/schema/metric.ts';

export const metricLabelsEn: Record<MetricLabelKey, string> = {
  'metric.activity.outreach': 'Outreach',
  'metric.activity.firstMeetings': 'First meetings',
  'metric.activity.outreachPerFirstMeeting': 'Outreach per first meeting',
  'metric.activity.firstMeetingsWithNextStep': 'First meetings with a next step',
  'metric.activity.nextStepRate': 'Next-step rate',
  'metric.activity.bySource.leads': 'Leads',
  'metric.activity.bySource.met': 'Met',
  'metric.activity.bySource.rate': 'Rate',
  'metric.activity.byChannel.touches': 'Touches',
  'metric.activity.byChannel.leads': 'Leads',
  'metric.activity.byChannel.met': 'Met',
  'metric.activity.byChannel.rate': 'Rate',

  'metric.stages.transitions.from': 'From',
  'metric.stages.transitions.to': 'To',
  'metric.stages.transitions.reached': 'Reached',
  'metric.stages.transitions.advanced': 'Moved on',
  'metric.stages.transitions.rate': 'Conversion',
  'metric.stages.overall': 'Overall conversion',
  'metric.stages.leak': 'Leak',
  'metric.stages.forward': 'Moved forward into',
  'metric.stages.backward': 'Moved back to',

  'metric.winRate.won': 'Won',
  'metric.winRate.lost': 'Lost',
  'metric.winRate.rate': 'Win rate',
  'metric.winRate.wonAmount': 'Won amount',
  'metric.winRate.lostAmount': 'Lost amount',
  'metric.winRate.valueRate': 'Win rate by value',
  'metric.winRate.leadConversion': 'Lead conversion',
  'metric.winRate.avgDealSize': 'Average deal size',
  'metric.winRate.dealsNeeded': 'Deals needed for quota',
  'metric.winRate.leadsNeeded': 'Leads needed for quota',

  'metric.pipeline.quota': 'Quota',
  'metric.pipeline.closedWon': 'Closed won',
  'metric.pipeline.gap': 'Gap to quota',
  'metric.pipeline.attainment': 'Attainment',
  'metric.pipeline.open.count': 'Open deals',
  'metric.pipeline.open.amount': 'Open pipeline',
  'metric.pipeline.open.weighted': 'Weighted pipeline',
  'metric.pipeline.openByStage.count': 'Open deals',
  'metric.pipeline.openByStage.amount': 'Open pipeline',
  'metric.pipeline.openByStage.weighted': 'Weighted pipeline',
  'metric.pipeline.coverage': 'Coverage',
  'metric.pipeline.overdue.count': 'Overdue deals',
  'metric.pipeline.overdue.amount': 'Overdue amount',
  'metric.pipeline.focus': 'Focus',

  'metric.lagging.totalSales': 'Total sales',
  'metric.lagging.won': 'Deals won',
  'metric.lagging.lost': 'Deals lost',
  'metric.lagging.customers': 'Customers',
  'metric.lagging.churnRate': 'Churn rate',
};

export const metricLabelsRu: Record<MetricLabelKey, string> = {
  'metric.activity.outreach': 'Касания',
  'metric.activity.firstMeetings': 'Первые встречи',
  'metric.activity.outreachPerFirstMeeting': 'Касаний на первую встречу',
  'metric.activity.firstMeetingsWithNextStep': 'Первые встречи со следующим шагом',
  'metric.activity.nextStepRate': 'Доля со следующим шагом',
  'metric.activity.bySource.leads': 'Лиды',
  'metric.activity.bySource.met': 'Встречи',
  'metric.activity.bySource.rate': 'Доля',
  'metric.activity.byChannel.touches': 'Касания',
  'metric.activity.byChannel.leads': 'Лиды',
  'metric.activity.byChannel.met': 'Встречи',
  'metric.activity.byChannel.rate': 'Доля',

  'metric.stages.transitions.from': 'С этапа',
  'metric.stages.transitions.to': 'На этап',
  'metric.stages.transitions.reached': 'Дошли',
  'metric.stages.transitions.advanced': 'Перешли дальше',
  'metric.stages.transitions.rate': 'Конверсия',
  'metric.stages.overall': 'Общая конверсия',
  'metric.stages.leak': 'Протечка',
  'metric.stages.forward': 'Переходы вперёд на этап',
  'metric.stages.backward': 'Возвраты на этап',

  'metric.winRate.won': 'Выиграно',
  'metric.winRate.lost': 'Проиграно',
  'metric.winRate.rate': 'Процент побед',
  'metric.winRate.wonAmount': 'Сумма выигранного',
  'metric.winRate.lostAmount': 'Сумма проигранного',
  'metric.winRate.valueRate': 'Процент побед по сумме',
  'metric.winRate.leadConversion': 'Конверсия лидов',
  'metric.winRate.avgDealSize': 'Средний размер сделки',
  'metric.winRate.dealsNeeded': 'Сделок нужно для квоты',
  'metric.winRate.leadsNeeded': 'Лидов нужно для квоты',

  'metric.pipeline.quota': 'Квота',
  'metric.pipeline.closedWon': 'Выиграно',
  'metric.pipeline.gap': 'Разрыв до квоты',
  'metric.pipeline.attainment': 'Выполнение квоты',
  'metric.pipeline.open.count': 'Открытые сделки',
  'metric.pipeline.open.amount': 'Открытая воронка',
  'metric.pipeline.open.weighted': 'Взвешенная воронка',
  'metric.pipeline.openByStage.count': 'Открытые сделки',
  'metric.pipeline.openByStage.amount': 'Открытая воронка',
  'metric.pipeline.openByStage.weighted': 'Взвешенная воронка',
  'metric.pipeline.coverage': 'Покрытие',
  'metric.pipeline.overdue.count': 'Просроченные сделки',
  'metric.pipeline.overdue.amount': 'Сумма просроченных',
  'metric.pipeline.focus': 'Фокус',

  'metric.lagging.totalSales': 'Общий объём продаж',
  'metric.lagging.won': 'Выигранные сделки',
  'metric.lagging.lost': 'Проигранные сделки',
  'metric.lagging.customers': 'Клиенты',
  'metric.lagging.churnRate': 'Отток',
};

export const sectionLabelsEn: Record<SectionLabelKey, string> = {
  'section.activity': 'KPI 1 — Activity ratios',
  'section.stages': 'KPI 2 — Stage conversion',
  'section.winRate': 'KPI 3 — Win rate',
  'section.pipeline': 'KPI 4 — Pipeline',
  'section.lagging': 'Lagging indicators',
};

export const sectionLabelsRu: Record<SectionLabelKey, string> = {
  'section.activity': 'KPI 1 — Коэффициенты активности',
  'section.stages': 'KPI 2 — Конверсия между этапами',
  'section.winRate': 'KPI 3 — Процент побед',
  'section.pipeline': 'KPI 4 — Воронка',
  'section.lagging': 'Запаздывающие индикаторы',
};

export const readingEn = {
  'channel.call': 'Calls',
  'channel.email': 'Emails',
  'channel.event': 'Events',
  'channel.social': 'Social',

  'stages.noLeak': 'no leak (no deals)',

  'focus.create': 'Build pipeline',
  'focus.close': 'Close what you have',
  'focus.done': 'Quota reached',
  'focus.noQuota': 'No quota set',
  'focus.noQuotaWhy': 'There is no quota for this period, so there is no gap to close and no coverage to judge.',
  'focus.createWhy': 'Open pipeline covers less than {threshold} of the gap to quota: create more opportunities.',
  'focus.closeWhy': 'Open pipeline covers the gap to quota at least {threshold}: work the deals you have to a close.',
  'focus.doneWhy': 'Nothing left to close for quota this period: closed won has reached it.',

  'change.vs': 'vs {period}',
  'change.up': 'up {delta}',
  'change.down': 'down {delta}',
  'change.same': 'no change',
  'change.none': 'no figure to compare with {period}',
  'change.points': '{n} pts',

  'small.deals_one': '{n} deal — too few to judge',
  'small.deals_few': '{n} deals — too few to judge',
  'small.deals_many': '{n} deals — too few to judge',
  'small.deals_other': '{n} deals — too few to judge',
  'small.meetings_one': '{n} meeting — too few to judge',
  'small.meetings_few': '{n} meetings — too few to judge',
  'small.meetings_many': '{n} meetings — too few to judge',
  'small.meetings_other': '{n} meetings — too few to judge',
  'small.leads_one': '{n} lead — too few to judge',
  'small.leads_few': '{n} leads — too few to judge',
  'small.leads_many': '{n} leads — too few to judge',
  'small.leads_other': '{n} leads — too few to judge',
  'small.rule': 'Rates are flagged "too few to judge" when they rest on fewer than {closed} closed deals (win rate) or fewer than {reached} deals, meetings or leads (other rates).',

  'missing': '—',
};

export const readingRu: Record<keyof typeof readingEn, string> = {
  'channel.call': 'Звонки',
  'channel.email': 'Письма',
  'channel.event': 'Мероприятия',
  'channel.social': 'Соцсети',

  'stages.noLeak': 'протечки нет (нет сделок)',

  'focus.create': 'Наращивать воронку',
  'focus.close': 'Закрывать то, что есть',
  'focus.done': 'Квота выполнена',
  'focus.noQuota': 'Квота не задана',
  'focus.noQuotaWhy': 'Квота на этот период не задана, поэтому нет разрыва и нечего оценивать по покрытию.',
  'focus.createWhy': 'Открытая воронка покрывает разрыв до квоты меньше чем в {threshold}: создавайте новые возможности.',
  'focus.closeWhy': 'Открытая воронка покрывает разрыв до квоты не менее чем в {threshold}: доводите до закрытия то, что есть.',
  'focus.doneWhy': 'Для квоты в этом периоде закрывать больше нечего: выигранное её уже покрыло.',

  'change.vs': 'к {period}',
  'change.up': 'рост на {delta}',
  'change.down': 'снижение на {delta}',
  'change.same': 'без изменений',
  'change.none': 'нет данных для сравнения с периодом {period}',
  'change.points': '{n} п. п.',

  'small.deals_one': '{n} сделка — слишком мало для выводов',
  'small.deals_few': '{n} сделки — слишком мало для выводов',
  'small.deals_many': '{n} сделок — слишком мало для выводов',
  'small.deals_other': '{n} сделки — слишком мало для выводов',
  'small.meetings_one': '{n} встреча — слишком мало для выводов',
  'small.meetings_few': '{n} встречи — слишком мало для выводов',
  'small.meetings_many': '{n} встреч — слишком мало для выводов',
  'small.meetings_other': '{n} встречи — слишком мало для выводов',
  'small.leads_one': '{n} лид — слишком мало для выводов',
  'small.leads_few': '{n} лида — слишком мало для выводов',
  'small.leads_many': '{n} лидов — слишком мало для выводов',
  'small.leads_other': '{n} лида — слишком мало для выводов',
  'small.rule': 'Доли помечены «слишком мало для выводов», когда за ними меньше {closed} закрытых сделок (процент побед) или меньше {reached} сделок, встреч или лидов (остальные доли).',

  'missing': '—',
};
