// ESLint flat config: typescript-eslint's type-aware recommended rules; Prettier owns the layout.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-output/", "src/schema/*.generated.js", "src/schema/*.generated.d.ts", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.mjs", "*.cjs", "bin/*.js", "src/schema/*.mjs", "src/cli/*.mjs", "tests/bench/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  { files: ["**/*.js", "**/*.mjs", "**/*.cjs"], ...tseslint.configs.disableTypeChecked },
  prettier,
);
