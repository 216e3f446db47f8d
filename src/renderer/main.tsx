import { createRoot } from 'react-dom/client';
import { createApiClient } from './api/createApiClient';
import './app/global.css';
import { Root } from './app/Root';
import './grid/setupAgGrid';
import { initI18n } from './i18n/initI18n';

// i18n first so the first paint is already in the user's language.
void initI18n().then(() => {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from index.html');
  createRoot(container).render(<Root client={createApiClient()} />);
});
