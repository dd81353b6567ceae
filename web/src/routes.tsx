import { Result } from 'antd';
import { Navigate, Route, Routes } from 'react-router';
import { ui } from './locale';
import { useText } from './language';
import { SignInPage } from './pages/SignInPage';
import { TaskPage } from './pages/TaskPage';
import { TasksPage } from './pages/TasksPage';
import { Shell } from './Shell';

/** The pages: `/` opens my tasks; the application's own paths live under /ui, clear of the API's. */
export function AppRoutes() {
  const t = useText();
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/ui/tasks" replace />} />
      <Route path="/ui" element={<Navigate to="/ui/tasks" replace />} />
      <Route path="/ui/sign-in" element={<SignInPage />} />
      <Route path="/ui/tasks" element={<Shell>{(me) => <TasksPage me={me} />}</Shell>} />
      <Route path="/ui/tasks/:key" element={<Shell>{(me) => <TaskPage me={me} />}</Shell>} />
      <Route path="*" element={<Result status="404" title={t(ui.notFound)} />} />
    </Routes>
  );
}
