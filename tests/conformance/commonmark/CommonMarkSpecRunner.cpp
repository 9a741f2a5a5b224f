// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the CommonMark spec examples through renderHtml (extensions off) and
// compares with the expected HTML byte for byte.
//   commonmark_spec_runner EXAMPLES.json BASELINE.txt [--show N]...
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/Json.h"
#include "extract/markdown/Markdown.h"

namespace {

constexpr double kRequiredShare = 0.9;

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// A missing or unreadable baseline is an error: reading it as 0 would let
// any regression above 90% pass unnoticed.
std::size_t readBaseline(const std::string& path) {
    std::ifstream in(path);
    std::size_t baseline = 0;
    if (!(in >> baseline)) {
        throw std::runtime_error("cannot read a baseline count from " + path);
    }
    return baseline;
}

std::size_t numberOf(const bi::json::Value& example) {
    return static_cast<std::size_t>(example.find("number")->asNumber());
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: commonmark_spec_runner EXAMPLES.json BASELINE.txt [--show N]...\n";
        return 2;
    }
    std::set<std::size_t> shown;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--show") {
            shown.insert(std::stoul(argv[i + 1]));
        }
    }
    try {
        const bi::json::Value examples = bi::json::parse(readFile(argv[1]));
        const std::size_t baseline = readBaseline(argv[2]);
        const bi::extract::markdown::MarkdownOptions specOptions{false, false};
        std::size_t passed = 0;
        std::map<std::string, std::vector<std::size_t>> failures; // section -> example numbers
        for (const bi::json::Value& example : examples.asArray()) {
            const std::string& markdown = example.find("markdown")->asString();
            const std::string& expected = example.find("html")->asString();
            const std::string actual = bi::extract::markdown::renderHtml(markdown, specOptions);
            const std::size_t number = numberOf(example);
            if (actual == expected) {
                ++passed;
            } else {
                failures[example.find("section")->asString()].push_back(number);
            }
            if (shown.count(number) != 0) {
                std::cout << "--- example " << number << " markdown:\n" << markdown << "--- expected:\n"
                          << expected << "--- actual:\n" << actual << "---\n";
            }
        }
        const std::size_t total = examples.asArray().size();
        for (const auto& [section, numbers] : failures) {
            std::cout << section << ": " << numbers.size() << " failed (";
            for (std::size_t i = 0; i < numbers.size(); ++i) {
                std::cout << (i == 0 ? "" : " ") << numbers[i];
            }
            std::cout << ")\n";
        }
        std::cout << passed << "/" << total << " passed (baseline " << baseline << ")\n";
        const auto required = static_cast<std::size_t>(static_cast<double>(total) * kRequiredShare + 0.999);
        if (passed < required) {
            std::cout << "FAIL: below " << required << " (90%)\n";
            return 1;
        }
        if (passed < baseline) {
            std::cout << "FAIL: below the baseline " << baseline << "\n";
            return 1;
        }
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n";
        return 2;
    }
}
