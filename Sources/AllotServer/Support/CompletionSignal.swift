import NIOConcurrencyHelpers

/// A one-shot signal many tasks can wait for; waiting ends when it is signalled or when the waiting task is
/// cancelled (so a wait can be raced against a timeout).
final class CompletionSignal: Sendable {
    private struct State: Sendable {
        var isSignalled = false
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        /// Waiters cancelled before they registered.
        var cancelled: Set<Int> = []
    }

    private let state = NIOLockedValueBox(State())

    /// Whether ``signal()`` was called.
    var isSignalled: Bool { state.withLockedValue { $0.isSignalled } }

    /// Wakes every waiter, now and later.
    func signal() {
        let waiters = state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            state.isSignalled = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once signalled, or once the calling task is cancelled.
    func wait() async {
        let id = state.withLockedValue { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLockedValue { state -> Bool in
                    if state.isSignalled || state.cancelled.remove(id) != nil { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
                if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
                if !state.isSignalled { state.cancelled.insert(id) }
                return nil
            }
            waiter?.resume()
        }
    }

    /// Waits at most `timeout`; true if signalled by then.
    func wait(atMost timeout: Duration) async -> Bool {
        if isSignalled { return true }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.wait() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
        return isSignalled
    }
}
