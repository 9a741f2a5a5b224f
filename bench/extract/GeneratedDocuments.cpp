// SPDX-License-Identifier: GPL-3.0-or-later
#include "GeneratedDocuments.h"

#include <array>

namespace bi::bench {

namespace {

constexpr std::array kWords{"latency", "cache",   "release", "service", "request", "budget",  "canary",
                            "replica", "storage", "metric",  "rollout", "session", "gateway", "quota",
                            "backup",  "index",   "shard",   "token",   "schema",  "queue"};
constexpr std::array kLanguages{"js", "python", "rust", "cpp"};

// A small linear congruential generator: the same documents on every machine.
class Words {
public:
    explicit Words(unsigned seed) : state_(seed * 2654435761U + 1U) {}
    const char* next() {
        state_ = state_ * 1103515245U + 12345U;
        return kWords[(state_ >> 16U) % kWords.size()];
    }
    std::string sentence(int words) {
        std::string s = "The";
        for (int i = 0; i < words; ++i) {
            s += ' ';
            s += next();
        }
        return s + '.';
    }

private:
    unsigned state_;
};

void htmlSection(Words& w, int n, std::string& out) {
    const std::string id = std::to_string(n);
    out += "<h2 id=\"s" + id + "\">Section " + id + ": " + w.next() + "</h2>\n";
    out += "<p>" + w.sentence(12) + " See <a href=\"https://docs.example.org/" + w.next() + "\">the " + w.next() +
           " guide</a> &mdash; <strong>" + w.next() + "</strong> costs &euro;" + id + " &amp; <em>" + w.next() +
           "</em> &ge; 3. <code>" + w.next() + "()</code> " + w.sentence(9) + "</p>\n";
    out += "<ul><li>" + w.sentence(5) + "</li><li>" + w.sentence(4) + "<ol><li>" + w.next() + "</li><li>" + w.next() +
           "</li></ol></li></ul>\n";
    if (n % 3 == 0) {
        out += "<table><tr><th>Name</th><th>Value</th><th>Unit</th></tr>";
        for (int r = 0; r < 3; ++r) {
            out += std::string("<tr><td>") + w.next() + "</td><td>" + std::to_string(r * 7 + n) + "</td><td>ms</td></tr>";
        }
        out += "</table>\n";
    }
    if (n % 4 == 1) {
        out += "<pre><code class=\"language-python\">def " + std::string(w.next()) + "(x):\n    return x &lt; 3\n</code></pre>\n";
    }
    if (n % 5 == 2) {
        out += "<blockquote><p>" + w.sentence(10) + "</p></blockquote>\n";
    }
}

void markdownSection(Words& w, int n, std::string& out) {
    const std::string id = std::to_string(n);
    out += "## Section " + id + ": " + w.next() + "\n\n";
    out += w.sentence(14) + " Read [the " + w.next() + " notes](https://docs.example.org/" + w.next() + ") and **" +
           w.next() + "** with *" + w.next() + "* and `" + w.next() + "()` &mdash; &copy; " + id + ".\n\n";
    out += "- " + w.sentence(5) + "\n  - " + w.sentence(3) + "\n  - " + w.sentence(4) + "\n- " + w.sentence(6) + "\n\n";
    out += "1. " + w.sentence(4) + "\n2. " + w.sentence(5) + "\n\n";
    out += "### Details " + id + "\n\n| Name | Value | Unit |\n|:-----|------:|------|\n";
    for (int r = 0; r < 5; ++r) {
        out += std::string("| ") + w.next() + " | " + std::to_string(r * 11 + n) + " | ms |\n";
    }
    out += "\n```" + std::string(kLanguages[static_cast<std::size_t>(n) % kLanguages.size()]) + "\nlet " + w.next() +
           " = " + id + ";\n// " + w.sentence(6) + "\n```\n\n";
    out += "> " + w.sentence(12) + "\n\n";
}

} // namespace

std::string generateHtml(std::size_t targetBytes, unsigned seed) {
    Words w(seed);
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Operations handbook</title>\n"
        "<meta name=\"description\" content=\"How the platform team runs releases.\">\n"
        "<meta name=\"keywords\" content=\"release, canary, rollback\">\n<meta property=\"og:title\" content=\"Handbook\">\n"
        "<link rel=\"canonical\" href=\"https://docs.example.org/handbook\"></head>\n<body>\n<h1>Operations handbook</h1>\n";
    const std::string tail = "<footer><p>&copy; 2024 Platform team</p></footer>\n</body></html>\n";
    for (int n = 1; out.size() + tail.size() < targetBytes; ++n) {
        std::string section;
        htmlSection(w, n, section);
        if (n > 1 && out.size() + section.size() + tail.size() > targetBytes + targetBytes / 10) {
            break;
        }
        out += section;
    }
    return out + tail;
}

std::string generateMarkdown(std::size_t targetBytes, unsigned seed) {
    Words w(seed);
    std::string out = "---\ntitle: Operations handbook\nauthor: Platform team\n---\n\n# Operations handbook\n\n";
    for (int n = 1; out.size() < targetBytes; ++n) {
        markdownSection(w, n, out);
    }
    return out;
}

} // namespace bi::bench
