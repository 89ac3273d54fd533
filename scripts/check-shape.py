#!/usr/bin/env python3
"""Checks the shape the architecture promises (docs/ARCHITECTURE.md): no source file over 400
lines, no function over 80 lines (a route table aside), no service taking a Vapor Request, no
audit action or target named outside its vocabulary.
Prints every offender and exits 1 when there is one."""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_FILE, MAX_FUNC = 400, 80
SERVICES = ["Services", "Procedure/ProposalService.swift", "Procedure/DecreeService.swift",
            "Procedure/DecreeIssuer.swift", "Expiry/PeriodActionService.swift"]
FUNC = re.compile(r"^\s*(?:@\w+\s+)*(?:(?:public|private|fileprivate|internal|static|override|mutating|nonisolated)\s+)*func\s+(\w+)")


def functions(lines):
    """(name, first line, length) of each func, by brace depth from its opening line."""
    for start, line in enumerate(lines):
        match = FUNC.match(line)
        if not match:
            continue
        depth, opened = 0, False
        for end in range(start, len(lines)):
            text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', lines[end]).split("//")[0]
            depth += text.count("{") - text.count("}")
            opened = opened or "{" in text
            if opened and depth <= 0:
                yield match.group(1), start + 1, end - start + 1
                break


def main():
    problems = []
    for path in sorted((ROOT / "Sources").rglob("*.swift")):
        rel = path.relative_to(ROOT)
        lines = path.read_text().splitlines()
        if len(lines) > MAX_FILE:
            problems.append(f"{rel}: {len(lines)} lines (at most {MAX_FILE})")
        for name, first, length in functions(lines):
            if length > MAX_FUNC and name not in ("boot", "routes"):
                problems.append(f"{rel}:{first}: func {name} is {length} lines (at most {MAX_FUNC})")
        if str(rel).startswith("Sources/DikelolaServer/"):
            for number, line in enumerate(lines, 1):
                if re.search(r'targetType: "', line):
                    problems.append(f"{rel}:{number}: an audit target outside the vocabulary (AuditTarget)")
                if re.search(r'\baction: "|auditDraft\(\s*"|auditRefusal\(\s*"', line):
                    problems.append(f"{rel}:{number}: an audit action outside the vocabulary (AuditAction)")
        if any(str(rel).startswith("Sources/DikelolaServer/" + s) for s in SERVICES):
            for number, line in enumerate(lines, 1):
                if re.search(r"\breq: Request\b|: Request\)", line):
                    problems.append(f"{rel}:{number}: a service takes a Request")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} shape problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
