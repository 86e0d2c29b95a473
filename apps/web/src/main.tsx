import { DEFAULT_LOCALE } from '@glocal/contracts/locales';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyDocumentLocale, initialLocale, loadMessages, type Messages } from './lib/i18n';
import './styles.css';

// Wait for the reader's catalogue so the first paint is already in their language;
// if it cannot load (offline), English is bundled and always works.
async function start() {
  let locale = initialLocale();
  let messages: Messages;
  try {
    messages = await loadMessages(locale);
  } catch {
    locale = DEFAULT_LOCALE;
    messages = await loadMessages(locale);
  }
  applyDocumentLocale(locale);

  const container = document.getElementById('root');
  if (!container) throw new Error('index.html must contain <div id="root">');
  createRoot(container).render(
    <StrictMode>
      <App initialLocale={locale} initialMessages={messages} />
    </StrictMode>,
  );
}

void start();
