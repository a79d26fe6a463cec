import { Navigate, Route, Routes, useLocation } from 'react-router';
import { renderWithProviders } from '../../../test/render.tsx';
import { CurrentUserProvider } from '../../auth/current-user.tsx';
import { me } from '../my-work/test-support.tsx';
import { AllWorkPage } from './AllWorkPage.tsx';

function LocationProbe() {
  const { pathname, search } = useLocation();
  return <output data-testid="location">{`${pathname}${search}`}</output>;
}

/** Renders ALL WORK at `path` (with its query string), signed in as the workspace tests' agent. */
export function renderAllWork(path: string) {
  return renderWithProviders(
    <CurrentUserProvider user={me}>
      <Routes>
        <Route path="/" element={<Navigate to={path} replace />} />
        <Route path="/all-work/*" element={<AllWorkPage />} />
        <Route path="/conversations/:id" element={<output data-testid="conversation-opened" />} />
      </Routes>
      <LocationProbe />
    </CurrentUserProvider>,
    { session: { user: me, csrfToken: 'csrf' } },
  );
}
