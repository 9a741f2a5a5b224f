// SPDX-License-Identifier: GPL-3.0-or-later
// WarmUp against a fake clock (no timing assertions), and the count it gives
// NativeEngine::runScenario's outcome, which the status bar shows.
#include "NativeEngine.h"
#include "ScenarioGenerator.h"
#include "WarmUp.h"

#include <QTest>

#include <vector>

namespace {
// A clock that moves only when told to: the calls under test advance it.
struct FakeClock {
    double micros = 0;
    WarmUp::Clock clock() {
        return [this] { return micros; };
    }
};
} // namespace

class WarmUpTest : public QObject {
    Q_OBJECT
private slots:
    void noBudgetMakesNoCall() {
        FakeClock time;
        WarmUp warmUp(0, time.clock());
        int calls = 0;
        QVERIFY(warmUp.run({}, [&] { ++calls; }));
        QCOMPARE(calls, 0);
        QCOMPARE(warmUp.runs(), 0);
    }

    void callsOnceEvenWhenTheFirstCallOutlastsTheBudget() {
        FakeClock time;
        WarmUp warmUp(1, time.clock());
        int calls = 0;
        QVERIFY(warmUp.run({}, [&] {
            ++calls;
            time.micros += 50'000; // 50 ms, the budget is 1 ms
        }));
        QCOMPARE(calls, 1);
        QCOMPARE(warmUp.runs(), 1);
    }

    void callsOnceEvenWhenTheBudgetIsGoneBeforeTheFirstCall() {
        bool started = false;
        // The deadline is taken at 0; every later reading is far past it.
        WarmUp warmUp(1, [&] {
            const double now = started ? 1e9 : 0.0;
            started = true;
            return now;
        });
        int calls = 0;
        QVERIFY(warmUp.run({}, [&] { ++calls; }));
        QCOMPARE(calls, 1);
    }

    void stopsAtTheFirstCheckPastTheDeadline() {
        FakeClock time;
        time.micros = 1'000'000; // any origin
        WarmUp warmUp(10, time.clock());
        std::vector<double> startedAt;
        QVERIFY(warmUp.run({}, [&] {
            startedAt.push_back(time.micros - 1'000'000);
            time.micros += 3'000; // 3 ms a call, 10 ms budget
        }));
        // Calls start at 0, 3, 6 and 9 ms; at 12 ms the budget has passed.
        QCOMPARE(startedAt, (std::vector<double>{0, 3'000, 6'000, 9'000}));
        QCOMPARE(warmUp.runs(), 4);
    }

    void proceedStopsItAndTheCountSaysHowManyRan() {
        FakeClock time;
        WarmUp warmUp(10'000, time.clock());
        int asked = 0;
        int calls = 0;
        QVERIFY(!warmUp.run([&] { return ++asked <= 3; }, [&] { ++calls; }));
        QCOMPARE(asked, 4); // asked before each call, the fourth answer stopped it
        QCOMPARE(calls, 3);
        QCOMPARE(warmUp.runs(), 3);
    }

    void runStartsCountingAfresh() {
        FakeClock time;
        WarmUp warmUp(1, time.clock());
        const auto slowCall = [&] { time.micros += 2'000; };
        QVERIFY(warmUp.run({}, slowCall));
        QVERIFY(warmUp.run({}, slowCall));
        QCOMPARE(warmUp.runs(), 1);
    }

    // The native engine reports the warm-up calls it made (the status bar's
    // count), none with the warm-up off, and the ones made before a cancel.
    void nativeEngineRecordsItsWarmupRuns() {
        const QByteArray scenario = ScenarioGenerator::scenario(50, 5);
        const auto off = NativeEngine::runScenario(scenario, QStringLiteral("plan"), 2, {}, 0);
        QVERIFY2(off.ok, qPrintable(off.error));
        QCOMPARE(off.warmupRuns, 0);
        QCOMPARE(off.records.size(), std::size_t{2});

        const auto warm = NativeEngine::runScenario(scenario, QStringLiteral("plan"), 2, {}, 1);
        QVERIFY2(warm.ok, qPrintable(warm.error));
        QVERIFY(warm.warmupRuns >= 1);
        QCOMPARE(warm.records.size(), std::size_t{2});

        int asked = 0;
        const auto cancelled = NativeEngine::runScenario(
            scenario, QStringLiteral("plan"), 2, [&](int) { return ++asked <= 3; }, 10'000);
        QVERIFY(cancelled.cancelled);
        QCOMPARE(cancelled.warmupRuns, 3);
        QVERIFY(cancelled.records.empty());
    }
};

QTEST_MAIN(WarmUpTest)
#include "WarmUpTest.moc"
