// `make bench`: the performance figures of Allot, each printed with what it is measured against.
print(runEngineBenchmark())
