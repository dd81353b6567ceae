import { Result } from 'antd';
import { Navigate, Route, Routes } from 'react-router';
import { ui } from './locale';
import { useText } from './language';

/** The pages: `/` opens my tasks; the application's own paths live under /ui, clear of the API's. */
export function AppRoutes() {
  const t = useText();
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/ui/tasks" replace />} />
      <Route path="/ui/tasks" element={<Result title={t(ui.myTasks)} />} />
      <Route path="*" element={<Result status="404" title={t(ui.notFound)} />} />
    </Routes>
  );
}
