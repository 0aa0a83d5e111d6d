import '@xyflow/react/dist/style.css';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHost } from './actions/host';
import { syncRunsWithProject } from './actions/runs';
import { connectShell } from './actions/shell';
import { App } from './App';
import { ErrorBoundary } from './layout/ErrorBoundary';
import { restoreAutosave, startAutosave } from './store/autosave';

restoreAutosave();
startAutosave();
connectHost();
connectShell();
syncRunsWithProject();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
