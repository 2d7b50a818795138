// How exercise.yaml is read, by the loader (Node) and the exercise editor (the browser) alike. Pure.
import yaml from 'js-yaml';

export type YamlResult = { ok: true; data: unknown } | { ok: false; problem: string };

/** Parses exercise.yaml text; a syntax error becomes `Received invalid YAML at line 3, column 5 / Expected …`. */
export function parseExerciseYaml(text: string): YamlResult {
  try {
    // CORE_SCHEMA: plain YAML types only, so a date-looking string stays a string.
    return { ok: true, data: yaml.load(text, { schema: yaml.CORE_SCHEMA }) };
  } catch (error) {
    // js-yaml's own message repeats the file name and a code frame; its reason and mark are enough.
    const yamlError = error instanceof yaml.YAMLException ? error : undefined;
    const where = yamlError ? ` at line ${yamlError.mark.line + 1}, column ${yamlError.mark.column + 1}` : '';
    return {
      ok: false,
      problem: `Received invalid YAML${where} / Expected a YAML document (${yamlError?.reason ?? String(error)})`,
    };
  }
}
