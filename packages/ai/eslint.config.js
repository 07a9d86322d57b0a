export { default } from "@pharmacrm/config/eslint";
