#!/usr/bin/env python3
"""Tolk's sentence segmentation: accuracy on the labelled cases, per language, and speed.

    python3 Benchmarks/segmentation.py [--tolk PATH] [--cases FILE]

Accuracy: each case of Tests/TolkKitTests/Fixtures/segmentation/cases.tsv (language, then
the sentences its text is made of) through `tolk segment --locale LL`; a case is right when
every sentence comes out exactly. Speed: the English W3C pages' text (../shared), as plain
text paragraphs, through `tolk segment` five times, in sentences a second (median) (the process start
included, as a user runs it).
"""
import argparse, collections, os, re, subprocess, sys, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(REPO), "shared", "corpus", "w3c-i18n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tolk", default=os.path.join(REPO, ".build", "release", "tolk"))
    parser.add_argument("--cases", default=os.path.join(REPO, "Tests", "TolkKitTests", "Fixtures", "segmentation", "cases.tsv"))
    args = parser.parse_args()
    right, total, wrong = collections.Counter(), collections.Counter(), []
    for line in open(args.cases, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        language, *sentences = line.rstrip("\n").split("\t")
        text = ("" if language in ("ja", "zh") else " ").join(sentences)
        out = subprocess.run([args.tolk, "segment", "--locale", language], input=text, capture_output=True, text=True).stdout
        total[language] += 1
        if out.rstrip("\n").split("\n") == sentences:
            right[language] += 1
        else:
            wrong.append((language, text))
    print("| language | " + " | ".join(total) + " | all |")
    print("| --- |" + " ---: |" * (len(total) + 1))
    print("| right | " + " | ".join(f"{right[l]}/{total[l]}" for l in total)
          + f" | {sum(right.values())}/{sum(total.values())} ({100 * sum(right.values()) / sum(total.values()):.1f}%) |")
    for language, text in wrong:
        print(f"- wrong ({language}): {text}")
    # Speed: the W3C pages' paragraphs as plain text.
    if os.path.isdir(CORPUS):
        paragraphs = []
        for root, _, names in os.walk(CORPUS):
            for name in sorted(names):
                if name.endswith(".en.html"):
                    html = open(os.path.join(root, name), encoding="utf-8", errors="replace").read()
                    for block in re.findall(r"<p[^>]*>(.*?)</p>", html, re.S):
                        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", block)).strip()
                        if text:
                            paragraphs.append(text)
        text = "\n\n".join(paragraphs * 10)
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            out = subprocess.run([args.tolk, "segment", "--locale", "en"], input=text, capture_output=True, text=True, check=True).stdout
            runs.append(time.perf_counter() - start)
        seconds = sorted(runs)[len(runs) // 2]
        sentences = out.count("\n")
        print(f"\nSpeed: {len(paragraphs) * 10:,} paragraphs of the W3C pages (ten times over), {sentences:,} sentences "
              f"in {seconds:.2f} s (median of 5): {sentences / seconds:,.0f} sentences a second.")


if __name__ == "__main__":
    main()
