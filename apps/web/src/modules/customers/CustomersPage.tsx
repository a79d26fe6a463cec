import { Route, Routes } from 'react-router';
import { CustomerListPage } from './CustomerListPage.tsx';
import { CustomerProfilePage } from './CustomerProfilePage.tsx';

/** Customers (D6): the searchable list at `/customers` and a profile at `/customers/:customerId`. */
export function CustomersPage() {
  return (
    <Routes>
      <Route index element={<CustomerListPage />} />
      <Route path=":customerId" element={<CustomerProfilePage />} />
    </Routes>
  );
}
