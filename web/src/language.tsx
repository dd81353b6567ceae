import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang, Text } from './locale';

const LanguageContext = createContext<{ lang: Lang; setLang: (lang: Lang) => void }>({ lang: 'zh', setLang: () => undefined });

const STORAGE_KEY = 'campaign-language';

/**
 * antd's defaults darkened to WCAG 2.1 AA contrast (4.5:1 on white): its primary blue #1677ff and
 * its secondary and placeholder greys (45 % black) fall short of it.
 */
const THEME = {
  token: {
    fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Noto Sans", sans-serif',
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorInfo: '#0958d9',
    // Hovered and pressed shades too: the pointer rests on a button after a click.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
  components: {
    // The calendar shows the days of the months beside in the disabled grey (25 % black), yet they
    // are there to be picked; really disabled days keep their own grey background.
    DatePicker: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};

/**
 * antd's locale, with the calendar's year and month buttons named by what they show (2026年, 12月):
 * its own names for them (选择年份, "Choose a year") are not the visible text, which speech input
 * users say to press them (WCAG 2.5.3). An empty aria-label leaves the name to the text.
 */
const namedByText = (locale: typeof zhCN): typeof zhCN => ({ ...locale, DatePicker: { ...locale.DatePicker!, lang: { ...locale.DatePicker!.lang, yearSelect: '', monthSelect: '' } } });
const LOCALES = { zh: namedByText(zhCN), en: namedByText(enUS) };

/** The words in the chosen language: `t(label)` for a {zh, en} pair of the locale file or the label table. */
export function useText() {
  const { lang } = useContext(LanguageContext);
  return useMemo(() => Object.assign((label: Text) => label[lang], { lang }), [lang]);
}

export function useLanguage() {
  return useContext(LanguageContext);
}

/**
 * Chinese first, English on request, remembered in this browser. antd's components and dayjs
 * follow the same choice. `nonce` is this page's CSP nonce: antd's CSS-in-JS puts it on each
 * <style> it injects, so style-src stays 'self' plus that nonce (api/webApp.ts).
 */
export function LanguageProvider({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'));
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang: (next: Lang) => (localStorage.setItem(STORAGE_KEY, next), setLangState(next)) }), [lang]);
  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider locale={LOCALES[lang]} csp={{ nonce }} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}
