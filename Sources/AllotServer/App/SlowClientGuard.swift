import NIOCore
import NIOHTTPTypes

/// Closes connections whose client is too slow, so that a few clients trickling bytes cannot hold every
/// connection (a "slowloris"):
/// - a connection must deliver the complete head of its next request within ``ServerConfiguration/requestHeadTimeout``
///   of being opened or of its last response (this is also the keep-alive idle limit);
/// - while a request body is read, the client must send at least ``ServerConfiguration/minimumUploadRate`` bytes in
///   every window of that length in which the server was waiting for data (a server that stops reading — an upload
///   spooling to a slow disk — never counts against the client).
///
/// One per connection, after Hummingbird's HTTP codec, so it sees request heads and body parts.
final class SlowClientGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let headTimeout: TimeAmount
    private let minimumBytes: Int
    private let window: TimeAmount

    private var headDeadline: Scheduled<Void>?
    private var rateCheck: RepeatedTask?
    private var readingBody = false
    /// Whether the server asked for data that has not come yet.
    private var waitingForData = false
    private var bytesThisWindow = 0
    /// Whether the server waited for data at some point of the current window.
    private var waitedThisWindow = false

    init(headTimeout: Duration, minimumUploadRate: (bytes: Int, per: Duration)) {
        self.headTimeout = TimeAmount(headTimeout)
        self.minimumBytes = minimumUploadRate.bytes
        self.window = TimeAmount(minimumUploadRate.per)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { armHeadDeadline(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        armHeadDeadline(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopTimers()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopTimers()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        waitingForData = false
        switch unwrapInboundIn(data) {
        case .head:
            headDeadline?.cancel()
            headDeadline = nil
            readingBody = true
            bytesThisWindow = 0
            waitedThisWindow = false
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            rateCheck = context.eventLoop.scheduleRepeatedTask(initialDelay: window, delay: window) { [self] _ in
                checkRate(loopBound.value)
            }
        case .body(let buffer):
            bytesThisWindow += buffer.readableBytes
        case .end:
            readingBody = false
            rateCheck?.cancel()
            rateCheck = nil
        }
        context.fireChannelRead(data)
    }

    func read(context: ChannelHandlerContext) {
        waitingForData = true
        waitedThisWindow = true
        context.read()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), !readingBody {
            // The next request's head is due within the timeout of this response.
            armHeadDeadline(context)
        }
        context.write(data, promise: promise)
    }

    private func checkRate(_ context: ChannelHandlerContext) {
        defer {
            bytesThisWindow = 0
            waitedThisWindow = waitingForData
        }
        guard readingBody, waitedThisWindow, bytesThisWindow < minimumBytes else { return }
        stopTimers()
        context.close(promise: nil)
    }

    private func armHeadDeadline(_ context: ChannelHandlerContext) {
        headDeadline?.cancel()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        headDeadline = context.eventLoop.scheduleTask(in: headTimeout) {
            loopBound.value.close(promise: nil)
        }
    }

    private func stopTimers() {
        headDeadline?.cancel()
        headDeadline = nil
        rateCheck?.cancel()
        rateCheck = nil
    }
}

extension TimeAmount {
    fileprivate init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
