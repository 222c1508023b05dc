"""Reports for eng/test.sh, from the TRX files `dotnet test` writes.

  project NAME TRX_DIR EXIT_CODE START_TIME LOG ROWS ROOT   one project's result line (+ its failures); appends a row
  summary ROWS START_TIME PROJECT...                       the table and the closing `tests: ...` line
  since START_TIME                                         seconds since START_TIME (bash's $EPOCHREALTIME)
"""
import glob
import re
import sys
import time
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
MESSAGE_LINES = 30
STACK_LINES = 6


def since(start):
    return time.time() - float(start.replace(",", "."))


def indent(text, prefix, limit):
    lines = text.strip().splitlines()
    shown = lines[:limit] + ([f"... ({len(lines) - limit} more lines)"] if len(lines) > limit else [])
    return "\n".join(prefix + line for line in shown)


def project(name, trx_dir, code, start, log, rows, root):
    code, seconds = int(code), since(start)
    passed = failed = skipped = 0
    failures = []
    trx_files = glob.glob(trx_dir + "/**/*.trx", recursive=True)
    for path in trx_files:
        for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
            outcome = result.get("outcome")
            if outcome == "Passed":
                passed += 1
            elif outcome in ("NotExecuted", "Inconclusive"):
                skipped += 1
            else:
                failed += 1
                message = result.findtext("t:Output/t:ErrorInfo/t:Message", "", NS)
                stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", "", NS)
                failures.append((result.get("testName"), outcome, message, stack))

    note = ""
    if code != 0 and failed == 0:
        # No failed test, yet the run failed: the project did not build, or the test host crashed or aborted.
        failed += 1
        note = "run failed, no test results" if not trx_files else "run aborted"
    counts = f"{passed} passed, {failed} failed, {skipped} skipped ({seconds:.1f} s)"
    print(("FAILED: " if failed else "") + counts + (f" [{note}]" if note else ""), flush=True)

    shown = set()
    for test, outcome, message, stack in failures:
        print(f"    x {test} ({outcome})")
        if (message, stack) in shown:
            # e.g. every test of a class whose fixture failed: the message once is enough
            print("        (the same message as above)")
            continue
        shown.add((message, stack))
        if message.strip():
            print(indent(message, "        ", MESSAGE_LINES))
        if stack.strip():
            print(indent(stack, "        ", STACK_LINES))
    if note:
        with open(log, encoding="utf-8", errors="replace") as f:
            lines = [line.rstrip() for line in f if line.strip()]
        telling = [line for line in lines if re.search(r"\berror\b|abort|crash|exited with", line, re.I)]
        if lines:
            print(indent("\n".join((telling or lines)[-20:]).replace(root + "/", ""), "    ", 20))
    if failed:
        print(f"    full output: {log.replace(root + '/', '')}")

    with open(rows, "a", encoding="utf-8") as f:
        f.write(f"{name}\t{passed}\t{failed}\t{skipped}\t{seconds:.1f}\t{note}\n")


def summary(rows, start, *projects):
    with open(rows, encoding="utf-8") as f:
        table = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    reported = {row[0] for row in table}
    for name in (p.removesuffix(".csproj") for p in projects):
        if name not in reported:
            print(f"{name}: no result was reported; counted as one failed test")
            table.append([name, "0", "1", "0", "-", "no report"])
    table.sort()
    totals = [sum(int(row[i]) for row in table) for i in (1, 2, 3)]
    header = ["project", "passed", "failed", "skipped", "seconds"]
    body = [row[:5] for row in table] + [["total", *map(str, totals), f"{since(start):.1f}"]]
    width = [max(len(row[i]) for row in [header] + body) for i in range(5)]

    def line(row):
        return "  ".join(cell.ljust(width[0]) if i == 0 else cell.rjust(width[i]) for i, cell in enumerate(row))

    print()
    print(line(header))
    print(line(["-" * w for w in width]))
    for row in body[:-1]:
        print(line(row))
    print(line(["-" * w for w in width]))
    print(line(body[-1]))
    print(f"tests: {totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
    return 1 if totals[1] else 0


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "project":
        project(*args)
    elif command == "summary":
        sys.exit(summary(*args))
    elif command == "since":
        print(f"{since(args[0]):.1f}")
    else:
        sys.exit(f"unknown command {command}")
