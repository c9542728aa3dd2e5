// `make bench`: the in-process performance figures of Allot, each printed with what it is measured against;
// scripts/bench.sh adds the database and HTTP figures.
print(runEngineBenchmark())
do {
    print(try runGeneratorBenchmark())
} catch {
    print("generator: failed: \(error)")
}
