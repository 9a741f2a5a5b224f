// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the html5lib tokenizer tests (tokenizer/*.test) against HtmlTokenizer.
// Usage: html5lib_tokenizer_runner TOKENIZER_DIR BASELINE_FILE [--verbose]
//
// Each test runs once per initial state. Our tokenizer reads UTF-8, which
// cannot carry lone surrogates, so an input's lone surrogate reaches it as
// U+FFFD (what a UTF-8 decoder makes of one), and so does an expected one.
// The "errors" member is ignored: parse errors are counted, not named.
// xmlViolation.test (a "xmlViolationTests" member, for the infoset coercion
// rules of a DOM builder) has no "tests" member and is not run.
#include "core/Json.h"
#include "core/Utf8.h"
#include "extract/html/HtmlTokenizer.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace json = bi::json;
using bi::extract::html::HtmlTokenizer;
using bi::extract::html::HtmlTokenType;
using State = HtmlTokenizer::State;

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

bool readEscape(const std::string& s, std::size_t i, std::uint32_t& cp) {
    if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') {
        return false;
    }
    cp = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        const int h = hexValue(s[k]);
        if (h < 0) {
            return false;
        }
        cp = cp * 16 + static_cast<std::uint32_t>(h);
    }
    return true;
}

// The doubleEscaped round of unescaping: \uHHHH to UTF-8, pairs joined, lone
// surrogates to U+FFFD.
std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::uint32_t cp = 0;
        if (!readEscape(s, i, cp)) {
            out += s[i++];
            continue;
        }
        i += 6;
        std::uint32_t low = 0;
        if (cp >= 0xD800 && cp <= 0xDBFF && readEscape(s, i, low) && low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10U) + (low - 0xDC00);
            i += 6;
        }
        bi::utf8::append(cp, out); // a lone surrogate is written as U+FFFD
    }
    return out;
}

json::Value unescapeAll(const json::Value& v) {
    if (v.isString()) {
        return unescape(v.asString());
    }
    if (v.isArray()) {
        json::Array a;
        for (const json::Value& item : v.asArray()) {
            a.push_back(unescapeAll(item));
        }
        return a;
    }
    if (v.isObject()) {
        json::Object o;
        for (const json::Member& m : v.asObject()) {
            o.emplace_back(unescape(m.first), unescapeAll(m.second));
        }
        return o;
    }
    return v;
}

// Attribute order is not part of what the tests check.
json::Value sortAttributes(json::Value tokens) {
    for (json::Value& token : tokens.asArray()) {
        if (token.isArray() && token.asArray().size() >= 3 && token.asArray()[2].isObject()) {
            json::Object& attrs = token.asArray()[2].asObject();
            std::sort(attrs.begin(), attrs.end(),
                      [](const json::Member& a, const json::Member& b) { return a.first < b.first; });
        }
    }
    return tokens;
}

bool stateNamed(const std::string& name, State& state) {
    static const std::pair<const char*, State> kStates[] = {
        {"Data state", State::Data},           {"PLAINTEXT state", State::Plaintext},
        {"RCDATA state", State::Rcdata},       {"RAWTEXT state", State::Rawtext},
        {"Script data state", State::ScriptData}, {"CDATA section state", State::CdataSection},
    };
    for (const auto& [n, s] : kStates) {
        if (name == n) {
            state = s;
            return true;
        }
    }
    return false;
}

json::Value optionalString(bool present, std::string_view s) {
    return present ? json::Value(s) : json::Value(nullptr);
}

json::Value tokenize(const std::string& input, State initial, const json::Value* lastStartTag) {
    HtmlTokenizer tokenizer(input);
    tokenizer.setState(initial);
    if (initial == State::CdataSection) {
        tokenizer.setAllowCdata(true);
    }
    if (lastStartTag != nullptr && lastStartTag->isString()) {
        tokenizer.setLastStartTag(lastStartTag->asString());
    }
    json::Array out;
    for (;;) {
        const auto& token = tokenizer.next();
        switch (token.type) {
        case HtmlTokenType::EndOfFile:
            return out;
        case HtmlTokenType::Character:
            if (!out.empty() && out.back().asArray()[0].asString() == "Character") {
                json::Value& last = out.back().asArray()[1];
                last = json::Value(last.asString() + std::string(token.data));
            } else {
                out.push_back(json::Array{"Character", token.data});
            }
            break;
        case HtmlTokenType::StartTag: {
            json::Object attrs;
            for (const auto& a : token.attributes) {
                attrs.emplace_back(std::string(a.name), json::Value(a.value));
            }
            json::Array t{"StartTag", token.data, json::Value(std::move(attrs))};
            if (token.selfClosing) {
                t.push_back(true);
            }
            out.push_back(std::move(t));
            break;
        }
        case HtmlTokenType::EndTag:
            out.push_back(json::Array{"EndTag", token.data});
            break;
        case HtmlTokenType::Comment:
            out.push_back(json::Array{"Comment", token.data});
            break;
        case HtmlTokenType::Doctype:
            out.push_back(json::Array{"DOCTYPE", optionalString(token.hasName, token.data),
                                      optionalString(token.hasPublicId, token.publicId),
                                      optionalString(token.hasSystemId, token.systemId),
                                      !token.forceQuirks});
            break;
        }
    }
}

struct Tally {
    std::size_t passed = 0;
    std::size_t total = 0;
};

Tally runFile(const std::filesystem::path& path, bool verbose) {
    Tally tally;
    const json::Value doc = json::parse(readFile(path));
    const json::Value* tests = doc.find("tests");
    if (tests == nullptr) {
        return tally;
    }
    for (const json::Value& test : tests->asArray()) {
        const bool doubleEscaped = test.find("doubleEscaped") != nullptr && test.find("doubleEscaped")->asBool();
        std::string input = test.find("input")->asString();
        json::Value expected = *test.find("output");
        if (doubleEscaped) {
            input = unescape(input);
            expected = unescapeAll(expected);
        }
        expected = sortAttributes(expected);
        std::vector<std::string> states{"Data state"};
        if (const json::Value* initial = test.find("initialStates")) {
            states.clear();
            for (const json::Value& s : initial->asArray()) {
                states.push_back(s.asString());
            }
        }
        for (const std::string& stateName : states) {
            ++tally.total;
            State state = State::Data;
            if (!stateNamed(stateName, state)) {
                continue;
            }
            const json::Value actual = sortAttributes(tokenize(input, state, test.find("lastStartTag")));
            if (actual == expected) {
                ++tally.passed;
            } else if (verbose) {
                std::printf("FAIL %s [%s] %s\n  input:    %s\n  expected: %s\n  actual:   %s\n",
                            path.filename().string().c_str(), stateName.c_str(),
                            test.find("description")->asString().c_str(),
                            json::write(json::Value(input)).c_str(), json::write(expected).c_str(),
                            json::write(actual).c_str());
            }
        }
    }
    return tally;
}

// False when the file holds no count: a missing baseline must not read as 0,
// which would let any regression above 90% pass unnoticed.
bool readBaseline(const std::filesystem::path& path, std::size_t& count) {
    std::ifstream in(path);
    return static_cast<bool>(in >> count);
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s TOKENIZER_DIR BASELINE_FILE [--verbose]\n", argv[0]);
        return 2;
    }
    const bool verbose = argc > 3 && std::string(argv[3]) == "--verbose";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[1])) {
        if (entry.path().extension() == ".test") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    Tally all;
    try {
        for (const auto& file : files) {
            const Tally t = runFile(file, verbose);
            std::printf("%s: %zu/%zu passed\n", file.filename().string().c_str(), t.passed, t.total);
            all.passed += t.passed;
            all.total += t.total;
        }
    } catch (const json::ParseError& e) {
        std::fprintf(stderr, "bad test file: %s\n", e.describe().c_str());
        return 2;
    }
    std::size_t baseline = 0;
    if (!readBaseline(argv[2], baseline)) {
        std::fprintf(stderr, "cannot read a baseline count from %s\n", argv[2]);
        return 2;
    }
    std::printf("total: %zu/%zu passed (baseline %zu)\n", all.passed, all.total, baseline);
    if (all.total == 0 || all.passed * 10 < all.total * 9) {
        std::printf("FAIL: below 90%%\n");
        return 1;
    }
    if (all.passed < baseline) {
        std::printf("FAIL: below the baseline of %zu\n", baseline);
        return 1;
    }
    return 0;
}
