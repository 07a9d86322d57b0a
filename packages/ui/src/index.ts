// Shared components in the shadcn/ui manner: plain elements, Tailwind classes, `cn()` to merge overrides.
// Colours use the `brand` palette that the app defines in its Tailwind theme.
export { cn } from "./cn";
export { Alert, type AlertProps } from "./alert";
export { Badge, type BadgeTone } from "./badge";
export { Button, buttonClasses, type ButtonProps, type ButtonSize, type ButtonVariant } from "./button";
export { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "./card";
export { Checkbox } from "./checkbox";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { ErrorState, type ErrorStateProps } from "./error-state";
export { Input, Textarea, fieldClasses } from "./input";
export { FieldError, Label } from "./label";
export { Select } from "./select";
export { Skeleton } from "./skeleton";
export { Spinner } from "./spinner";
export { Toaster, toast } from "./toast";
export { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "./table";
