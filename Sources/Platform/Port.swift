/// Where a job goes next: a component kind and its index in the network.
///
/// Components of a ``QueueingNetwork`` live in one array per kind and are
/// named by a `Port`. Connections are data, so a network is a plain value:
/// copying it copies the whole model, and no component holds a reference to
/// another.

/// A component of a network, by kind and index.
public struct Port: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of component a job can be sent to.
    public enum Kind: UInt8, Sendable {
        /// A ``Station`` (servers and a waiting line).
        case station
        /// A ``Delay`` (a pure delay, infinitely many servers).
        case delay
        /// A ``Router``.
        case router
        /// A ``Batcher``.
        case batcher
        /// A ``Sink``.
        case sink
    }

    /// The kind of component.
    public let kind: Kind
    /// Its index among the components of that kind.
    public let index: Int32

    /// The port of component `index` of `kind`.
    public init(_ kind: Kind, _ index: Int) {
        precondition(index >= 0 && index < Int(Int32.max), "Port: index \(index) out of range")
        self.kind = kind
        self.index = Int32(index)
    }

    /// `"station 0"`, `"sink 1"`.
    public var description: String { "\(kind) \(index)" }
}

/// The action codes of ``QueueingNetwork`` events (``Event/kind``); the
/// event's ``Event/target`` is the component's index among its kind.
public enum NetworkEvent: Int32, Sendable {
    /// A source emits its next job (payload unused).
    case arrival = 0
    /// A station finishes serving the job in the payload.
    case serviceEnd = 1
    /// A delay releases the job in the payload.
    case delayEnd = 2
    /// A batcher's linger time for the batch numbered by the payload is over.
    case lingerEnd = 3
    /// A member of a source bank emits its next job (payload = member).
    case bankArrival = 4
}
