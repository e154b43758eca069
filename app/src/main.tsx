import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { decisionAutosaver } from './lib/decision-autosave.ts';
import './styles.css';

// Decisions typed before a reload or while offline are sent again, wherever the app opens.
decisionAutosaver.start();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
