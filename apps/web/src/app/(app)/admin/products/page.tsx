import { AdminsOnly } from "~/components/data/admins-only";
import { ProductsScreen } from "~/components/products/products-screen";
import type { Metadata } from "next";

import { getViewer } from "@pharmacrm/auth";

export const metadata: Metadata = { title: "Products" };

export default async function ProductsPage() {
  // The layout has already sent signed-out visitors to /sign-in.
  const viewer = await getViewer();
  return viewer?.role === "admin" ? <ProductsScreen /> : <AdminsOnly what="Product settings" />;
}
