/**
 * Who may read the site (issue 15), as the site says it: the logout link
 * of the navigation and the notice of /data/ and of the build summary. The
 * guard's own answers (login, setup and refusal pages) are not pages of
 * the site: src/core/access/answers.ts writes them.
 */
export const accessEn = {
  'access.logout': 'Log out',
  'access.title': 'Who may read this site',
  'access.password': 'Private: readers log in with the team password (KEEPSCORE_ACCESS=password).',
  'access.cloudflare': 'Private: only people Cloudflare Access lets in can read it (KEEPSCORE_ACCESS=cloudflare-access).',
  'access.public': 'Public: Keepscore does not guard this site (KEEPSCORE_ACCESS=public). Anyone who can reach it reads every page, /api/kpis and /csv, unless the host has its own access control.',
  'access.unset': 'Warning: no access mode was set for this build (KEEPSCORE_ACCESS), and the site lists deals. Deployed on Cloudflare Pages it shows only a setup page; npm start opens it to its own machine only. Set KEEPSCORE_ACCESS to password, cloudflare-access or public where the site is deployed, then build again.',
  'access.unsetNoDeals': 'No access mode was set for this build (KEEPSCORE_ACCESS). Deployed on Cloudflare Pages it shows only a setup page; npm start opens it to its own machine only. Set KEEPSCORE_ACCESS where the site is deployed.',
  'access.invalid': 'Warning: KEEPSCORE_ACCESS is "{value}", which is not a mode: deployed, the site shows only a setup page. Use password, cloudflare-access or public.',
};

export const accessRu: Record<keyof typeof accessEn, string> = {
  'access.logout': 'Выйти',
  'access.title': 'Кто может читать сайт',
  'access.password': 'Закрытый сайт: читатели входят по паролю команды (KEEPSCORE_ACCESS=password).',
  'access.cloudflare': 'Закрытый сайт: читать могут только те, кого пускает Cloudflare Access (KEEPSCORE_ACCESS=cloudflare-access).',
  'access.public': 'Открытый сайт: Keepscore его не охраняет (KEEPSCORE_ACCESS=public). Любой, кто может до него добраться, читает все страницы, /api/kpis и /csv, если хостинг не закрывает доступ сам.',
  'access.unset': 'Внимание: для этой сборки не задан режим доступа (KEEPSCORE_ACCESS), а сайт показывает сделки. На Cloudflare Pages он покажет только страницу настройки; npm start откроет его только на своей машине. Задайте KEEPSCORE_ACCESS (password, cloudflare-access или public) там, где сайт развёрнут, и соберите его снова.',
  'access.unsetNoDeals': 'Для этой сборки не задан режим доступа (KEEPSCORE_ACCESS). На Cloudflare Pages сайт покажет только страницу настройки; npm start откроет его только на своей машине. Задайте KEEPSCORE_ACCESS там, где сайт развёрнут.',
  'access.invalid': 'Внимание: KEEPSCORE_ACCESS равен «{value}», а такого режима нет: развёрнутый сайт покажет только страницу настройки. Используйте password, cloudflare-access или public.',
};
