// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/BinaryCodec.h"

#include "core/EngineError.h"

#include <algorithm>
#include <cstring>

namespace bi::api {

namespace {

using namespace binary;

constexpr std::size_t kMaxDepth = 512;

void putU32(std::uint32_t v, std::string& out) {
    char b[4];
    for (int i = 0; i < 4; ++i) {
        b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    }
    out.append(b, 4);
}

void putStr(std::string_view s, std::string& out) {
    putU32(static_cast<std::uint32_t>(s.size()), out);
    out.append(s);
}

bool isUndefinedMarker(const json::Value& v) {
    if (!v.isObject() || v.asObject().size() != 1) {
        return false;
    }
    const json::Value* m = v.find("$undefined");
    return m != nullptr && m->isBool() && m->asBool();
}

void putValue(const json::Value& v, std::string& out) {
    switch (v.type()) {
    case json::Type::Null:
        out += static_cast<char>(Null);
        break;
    case json::Type::Bool:
        out += static_cast<char>(v.asBool() ? True : False);
        break;
    case json::Type::Number:
        appendBinaryNumber(v.asNumber(), out);
        break;
    case json::Type::String:
        out += static_cast<char>(String);
        putStr(v.asString(), out);
        break;
    case json::Type::ArrayValue:
        out += static_cast<char>(Array);
        putU32(static_cast<std::uint32_t>(v.asArray().size()), out);
        for (const auto& item : v.asArray()) {
            putValue(item, out);
        }
        break;
    case json::Type::ObjectValue:
        if (isUndefinedMarker(v)) {
            out += static_cast<char>(Undefined);
            break;
        }
        out += static_cast<char>(Object);
        putU32(static_cast<std::uint32_t>(v.asObject().size()), out);
        for (const auto& [key, member] : v.asObject()) {
            putStr(key, out);
            putValue(member, out);
        }
        break;
    }
}

// Reads the layout from a byte range, checking every length against what is left.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    std::uint32_t u32() {
        need(4, "u32");
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes_[pos_ + static_cast<std::size_t>(i)]))
                 << (8 * i);
        }
        pos_ += 4;
        return v;
    }

    std::string str() {
        const std::uint32_t len = u32();
        need(len, "string bytes");
        std::string s(bytes_.substr(pos_, len));
        pos_ += len;
        return s;
    }

    json::Value value(std::size_t depth) {
        if (depth > kMaxDepth) {
            fail("nesting deeper than 512");
        }
        need(1, "value tag");
        const auto tag = static_cast<std::uint8_t>(bytes_[pos_++]);
        switch (tag) {
        case Null: return json::Value();
        case False: return json::Value(false);
        case True: return json::Value(true);
        case Number: return number();
        case String: return json::Value(str());
        case Array: return array(depth);
        case Object: return object(depth);
        case Undefined: {
            json::Value marker = json::Value::object();
            marker.set("$undefined", true);
            return marker;
        }
        case ChangeList: return changeList(depth);
        default: fail("unknown value tag " + std::to_string(tag));
        }
    }

    void expectEnd() const {
        if (pos_ != bytes_.size()) {
            fail(std::to_string(bytes_.size() - pos_) + " trailing bytes");
        }
    }

    [[noreturn]] void fail(const std::string& what) const {
        throw EngineError("binary codec: " + what + " at byte " + std::to_string(pos_));
    }

private:
    void need(std::size_t n, const char* what) const {
        if (bytes_.size() - pos_ < n) {
            fail(std::string("truncated ") + what);
        }
    }

    json::Value number() {
        const std::uint64_t lo = u32();
        const std::uint64_t hi = u32();
        const std::uint64_t bits = lo | (hi << 32);
        double d = 0;
        std::memcpy(&d, &bits, sizeof d);
        return json::Value(d);
    }

    json::Value array(std::size_t depth) {
        const std::uint32_t n = u32();
        json::Value list = json::Value::array();
        for (std::uint32_t i = 0; i < n; ++i) {
            list.push(value(depth + 1));
        }
        return list;
    }

    // Tag 8: the compact change list of engine results, read as [{path, value}…].
    json::Value changeList(std::size_t depth) {
        const std::uint32_t n = u32();
        json::Value list = json::Value::array();
        for (std::uint32_t i = 0; i < n; ++i) {
            json::Object change;
            change.reserve(2);
            change.emplace_back("path", json::Value(str()));
            change.emplace_back("value", value(depth + 1));
            list.push(json::Value(std::move(change)));
        }
        return list;
    }

    json::Value object(std::size_t depth) {
        const std::uint32_t n = u32();
        json::Object members;
        members.reserve(std::min<std::size_t>(n, bytes_.size() - pos_));
        for (std::uint32_t i = 0; i < n; ++i) {
            std::string key = str();
            members.emplace_back(std::move(key), value(depth + 1));
        }
        return json::Value(std::move(members));
    }

    std::string_view bytes_;
    std::size_t pos_ = 0;
};

void expectMagic(Reader& in, std::uint32_t magic, const char* what) {
    if (in.u32() != magic) {
        in.fail(std::string("not a binary ") + what + " (bad magic)");
    }
}

const json::Value& changeField(const json::Value& change, std::size_t index, const char* key, std::size_t i) {
    if (change.isArray() && change.asArray().size() >= 2) {
        return change.asArray()[index];
    }
    const json::Value* f = change.isObject() ? change.find(key) : nullptr;
    if (f == nullptr) {
        throw EngineError("binary codec: changes[" + std::to_string(i) + "] has no " + key);
    }
    return *f;
}

} // namespace

void appendBinaryTag(binary::Tag tag, std::string& out) {
    out += static_cast<char>(tag);
}

void appendBinaryU32(std::uint32_t v, std::string& out) {
    putU32(v, out);
}

void appendBinaryString(std::string_view s, std::string& out) {
    putStr(s, out);
}

void appendBinaryNumber(double d, std::string& out) {
    out += static_cast<char>(Number);
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    putU32(static_cast<std::uint32_t>(bits), out);
    putU32(static_cast<std::uint32_t>(bits >> 32), out);
}

void appendBinaryValue(const json::Value& v, std::string& out) {
    putValue(v, out);
}

std::string encodeBinaryDocument(const json::Value& doc) {
    std::string out;
    putU32(kBinaryDocumentMagic, out);
    putValue(doc, out);
    return out;
}

json::Value decodeBinaryDocument(std::string_view bytes) {
    Reader in(bytes);
    expectMagic(in, kBinaryDocumentMagic, "document");
    json::Value v = in.value(0);
    in.expectEnd();
    return v;
}

std::string encodeBinaryChanges(const json::Value& changes) {
    if (!changes.isArray()) {
        throw EngineError("binary codec: changes must be an array");
    }
    std::string out;
    putU32(kBinaryChangesMagic, out);
    putU32(static_cast<std::uint32_t>(changes.asArray().size()), out);
    for (std::size_t i = 0; i < changes.asArray().size(); ++i) {
        const json::Value& c = changes.asArray()[i];
        const json::Value& path = changeField(c, 0, "path", i);
        if (!path.isString()) {
            throw EngineError("binary codec: changes[" + std::to_string(i) + "].path must be a string");
        }
        putStr(path.asString(), out);
        putValue(changeField(c, 1, "value", i), out);
    }
    return out;
}

json::Value decodeBinaryChanges(std::string_view bytes) {
    Reader in(bytes);
    expectMagic(in, kBinaryChangesMagic, "change list");
    const std::uint32_t n = in.u32();
    json::Value list = json::Value::array();
    for (std::uint32_t i = 0; i < n; ++i) {
        json::Value pair = json::Value::array();
        pair.push(in.str());
        pair.push(in.value(1));
        list.push(std::move(pair));
    }
    in.expectEnd();
    return list;
}

} // namespace bi::api
