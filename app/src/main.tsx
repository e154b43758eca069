import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { startSession } from './session/start-session.ts';
import './styles.css';

// Who is signed in; decisions typed before a reload or while offline are sent again once
// someone who may write them is signed in.
startSession();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
