/**
 * JUnit XML for CI tools (GitHub Actions test reporters, GitLab, Jenkins): a <testsuite> per learner, a
 * <testcase> per exercise case (classname learner.exercise), <failure> for wrong answers and missing
 * files, <error> for compile and runtime errors and timeouts. A learner's suite lists, as <properties>, the
 * misconceptions their answers matched, each with how many learners of the class made it
 * (`misconception.<exercise>.<id>` = learners).
 */
import { misconceptionLearnerCounts, summariseClass } from "../grade/classSummary";
import type { ExerciseGrade, GradeResult } from "../grade/gradeResult";

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids are dropped; a learner's output must not make the file unreadable.
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

interface JunitCase {
  classname: string;
  name: string;
  kind: "passed" | "failure" | "error";
  message: string;
  seconds: number;
}

/** One row per case; an exercise without case results (missing, could not be checked) is one row. */
export function junitCases(learner: string, exercise: ExerciseGrade): JunitCase[] {
  const classname = `${learner}.${exercise.exerciseId}`;
  const seconds = exercise.durationMs / 1000 / Math.max(1, exercise.cases.length);
  if (exercise.cases.length === 0) {
    const kind = exercise.status === "missing" ? "failure" : exercise.status === "passed" ? "passed" : "error";
    return [{ classname, name: exercise.status === "missing" ? "(no submission)" : "(not checked)", kind, message: exercise.diagnostics.join("\n"), seconds: 0 }];
  }
  return exercise.cases.map((c) => ({
    classname,
    name: c.name,
    kind: c.status === "passed" ? "passed" : c.status === "failed" ? "failure" : "error",
    message: c.message,
    seconds,
  }));
}

export function formatGradeJunit(result: GradeResult): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const madeBy = misconceptionLearnerCounts(summariseClass(result));
  for (const learner of result.learners) {
    const cases = learner.exercises.flatMap((e) => junitCases(learner.learner, e));
    const f = cases.filter((c) => c.kind === "failure").length;
    const e = cases.filter((c) => c.kind === "error").length;
    const time = learner.exercises.reduce((s, x) => s + x.durationMs, 0) / 1000;
    tests += cases.length;
    failures += f;
    errors += e;
    const body = cases.map((c) => {
      const open = `    <testcase classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}" time="${c.seconds.toFixed(3)}"`;
      if (c.kind === "passed") return `${open}/>`;
      const firstLine = c.message.split("\n")[0];
      return `${open}>\n      <${c.kind} message="${escapeXml(firstLine)}">${escapeXml(c.message)}</${c.kind}>\n    </testcase>`;
    });
    const made = new Set(learner.exercises.flatMap((x) => x.cases.filter((c) => c.misconception).map((c) => `${x.exerciseId}\u0000${c.misconception}`)));
    const properties = [...made].sort().map((key) => {
      const [exerciseId, id] = key.split("\u0000");
      return `      <property name="${escapeXml(`misconception.${exerciseId}.${id}`)}" value="${madeBy.get(exerciseId)?.get(id) ?? 0}"/>`;
    });
    const propertiesXml = properties.length > 0 ? `    <properties>\n${properties.join("\n")}\n    </properties>\n` : "";
    suites.push(
      `  <testsuite name="${escapeXml(learner.learner)}" tests="${cases.length}" failures="${f}" errors="${e}" skipped="0" time="${time.toFixed(3)}">\n${propertiesXml}${body.join("\n")}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escapeXml(result.packId)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${(result.durationMs / 1000).toFixed(3)}">\n${suites.join("\n")}\n</testsuites>\n`;
}
