import { Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ui } from './locale';
import { useText } from './language';
import { TasksPage } from './pages/TasksPage';
import { Shell } from './Shell';

// The task page and its form load when first opened: the task list is what must come up fast.
// Sign-in too (its form and schema library): a signed-in person opening the inbox never needs it.
const SignInPage = lazy(() => import('./pages/SignInPage').then((m) => ({ default: m.SignInPage })));
const TaskPage = lazy(() => import('./pages/TaskPage').then((m) => ({ default: m.TaskPage })));
// The coordinators' desk: each page its own chunk, the dashboard's ECharts only there.
const CasesPage = lazy(() => import('./pages/CasesPage').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('./pages/CasePage').then((m) => ({ default: m.CasePage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ReportsPage = lazy(() => import('./pages/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const CoordinationPage = lazy(() => import('./pages/CoordinationPage').then((m) => ({ default: m.CoordinationPage })));
const ImportsPage = lazy(() => import('./pages/ImportsPage').then((m) => ({ default: m.ImportsPage })));

/** The pages: `/` opens my tasks; the application's own paths live under /ui, clear of the API's. */
export function AppRoutes() {
  const t = useText();
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/ui/tasks" replace />} />
      <Route path="/ui" element={<Navigate to="/ui/tasks" replace />} />
      <Route path="/ui/sign-in" element={<Suspense fallback={<Spin />}><SignInPage /></Suspense>} />
      <Route path="/ui/tasks" element={<Shell>{(me) => <TasksPage me={me} />}</Shell>} />
      <Route path="/ui/tasks/:key" element={<Shell>{(me) => <Suspense fallback={<Spin />}><TaskPage me={me} /></Suspense>}</Shell>} />
      <Route path="/ui/cases" element={<Shell>{(me) => <Suspense fallback={<Spin />}><CasesPage me={me} /></Suspense>}</Shell>} />
      <Route path="/ui/cases/:caseId" element={<Shell>{(me) => <Suspense fallback={<Spin />}><CasePage me={me} /></Suspense>}</Shell>} />
      <Route path="/ui/progress" element={<Shell>{(me) => <Suspense fallback={<Spin />}><DashboardPage me={me} /></Suspense>}</Shell>} />
      <Route path="/ui/reports" element={<Shell>{(me) => <Suspense fallback={<Spin />}><ReportsPage me={me} /></Suspense>}</Shell>} />
      <Route path="/ui/coordination" element={<Shell>{(me) => <Suspense fallback={<Spin />}><CoordinationPage me={me} /></Suspense>}</Shell>} />
      <Route path="/ui/imports" element={<Shell>{(me) => <Suspense fallback={<Spin />}><ImportsPage me={me} /></Suspense>}</Shell>} />
      <Route path="*" element={<Result status="404" title={t(ui.notFound)} />} />
    </Routes>
  );
}
