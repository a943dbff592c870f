import { describe, expect, it } from 'vitest';
import { accessNotice, offersLogout } from './notice.ts';

describe('accessNotice', () => {
  it('warns loudly when no mode is set and the site lists deals, plainly when it does not', () => {
    expect(accessNotice({}, 'show')).toEqual({ mode: '', level: 'warn', text: 'access.unset' });
    expect(accessNotice({ KEEPSCORE_ACCESS: '' }, 'hide')).toEqual({ mode: '', level: 'note', text: 'access.unsetNoDeals' });
  });

  it('states a mode that is set, and warns about one that is not a mode', () => {
    expect(accessNotice({ KEEPSCORE_ACCESS: 'password' }, 'show').level).toBe('ok');
    expect(accessNotice({ KEEPSCORE_ACCESS: 'Cloudflare-Access' }, 'show').text).toBe('access.cloudflare');
    expect(accessNotice({ KEEPSCORE_ACCESS: 'public' }, 'show')).toEqual({ mode: 'public', level: 'note', text: 'access.public' });
    expect(accessNotice({ KEEPSCORE_ACCESS: 'private' }, 'hide')).toEqual({ mode: 'private', level: 'warn', text: 'access.invalid' });
  });

  // Its words, in English and Russian alike, are checked with the site's dictionary (src/site/text/dictionary.test.ts).
  it('offers a logout link on every site but a public one', () => {
    expect([offersLogout({}), offersLogout({ KEEPSCORE_ACCESS: 'password' }), offersLogout({ KEEPSCORE_ACCESS: 'public' })]).toEqual([true, true, false]);
  });
});
