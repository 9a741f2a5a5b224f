// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScenarioGenerator.h"

#include <QString>

#include <algorithm>

QByteArray ScenarioGenerator::scenario(int nodes, int batchSize, int batches) {
    const int items = std::max(1, nodes / 3);
    const int perPage = 100;
    QByteArray out;
    out.reserve(items * 40 + batchSize * batches * 40);
    out += R"({"format":"boundary-inspector/scenario@1","name":"generated )" + QByteArray::number(items * 3) +
           R"( nodes","state":{"pages":{)";
    for (int i = 0; i < items; ++i) {
        if (i % perPage == 0) {
            out += (i == 0 ? "" : "},") + QByteArray("\"p") + QByteArray::number(i / perPage) + "\":{";
        } else {
            out += ',';
        }
        out += "\"i" + QByteArray::number(i) + "\":{\"v\":" + QByteArray::number(i % 97) + ",\"tag\":\"t" +
               QByteArray::number(i % 7) + "\"}";
    }
    out += "}}},\"batches\":[";
    for (int b = 0; b < batches; ++b) {
        out += b == 0 ? "[" : ",[";
        for (int c = 0; c < batchSize; ++c) {
            const int item = static_cast<int>((static_cast<long long>(c) * 7919 + b * 31) % items);
            out += (c == 0 ? "" : ",") + QByteArray("[\"pages.p") + QByteArray::number(item / perPage) + ".i" +
                   QByteArray::number(item) + ".v\"," + QByteArray::number(c + b + 1000) + "]";
        }
        out += ']';
    }
    out += "]}";
    return out;
}

QByteArray ScenarioGenerator::nestedScenario(int depth) {
    depth = std::max(1, depth);
    QByteArray path;
    QByteArray listeners;
    for (int d = 0; d < depth; ++d) {
        path += (d == 0 ? "l" : ".l") + QByteArray::number(d);
        listeners += (d == 0 ? "" : ",") + QByteArray(R"({"id":"d)") + QByteArray::number(d) + R"(","path":")" + path +
                     R"(","produce":[{"path":"out.d)" + QByteArray::number(d) + R"(","value":true}]})";
    }
    QByteArray nested; // built inside out: "l0":{"v":0,"l1":{"v":0,…}}
    for (int d = depth - 1; d >= 0; --d) {
        nested = "\"l" + QByteArray::number(d) + "\":{\"v\":0" + (nested.isEmpty() ? "" : "," + nested) + "}";
    }
    return R"({"format":"boundary-inspector/scenario@1","name":"generated depth )" + QByteArray::number(depth) +
           R"(","state":{"out":{},)" + nested + R"(},"listeners":[)" + listeners + R"(],"batches":[[[")" + path +
           R"(.v",1]]]})";
}
