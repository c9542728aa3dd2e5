/// The `Decoder` handed to a type's `init(from:)`: one value at one path.
struct ConfigValueDecoding: Decoder {
    let value: ConfigValue
    let path: ConfigPath
    let state: ConfigDecodingState

    var codingPath: [any CodingKey] { path.components.map(ConfigCodingKey.init) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let entries) = value else { throw mismatch("a mapping") }
        let handle = state.visit(entries, at: path)
        return KeyedDecodingContainer(ConfigKeyedContainer<Key>(entries: entries, path: path, state: state, handle: handle))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .list(let items) = value else { throw mismatch("a list") }
        return ConfigUnkeyedContainer(items: items, path: path, state: state)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ConfigSingleValueContainer(value: value, path: path, state: state)
    }

    private func mismatch(_ expected: String) -> ConfigDecodingFailure {
        ConfigDecodingFailure(path: path, message: "expected \(expected), found \(value.kindDescription)")
    }
}

/// A mapping, recording every key the model asks for.
struct ConfigKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let entries: [ConfigValue.Entry]
    let path: ConfigPath
    let state: ConfigDecodingState
    let handle: Int

    var codingPath: [any CodingKey] { path.components.map(ConfigCodingKey.init) }
    var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.key) } }

    private func entry(_ key: Key) -> ConfigValue.Entry? {
        state.ask(key.stringValue, of: handle)
        return entries.first { $0.key == key.stringValue }
    }

    func contains(_ key: Key) -> Bool { entry(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let entry = entry(key) else { return true }
        return entry.value == .null
    }

    func decodeValue<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        guard let entry = entry(key) else {
            throw ConfigDecodingFailure(path: path, message: "missing key '\(key.stringValue)'")
        }
        return try state.decode(type, from: entry.value, at: path.key(key.stringValue))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeValue(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeValue(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeValue(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeValue(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeValue(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeValue(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeValue(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeValue(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeValue(type, forKey: key) }
    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value { try decodeValue(type, forKey: key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try superDecoder(forKey: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try superDecoder(forKey: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: "super") else {
            throw ConfigDecodingFailure(path: path, message: "missing key 'super'")
        }
        return try superDecoder(forKey: key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        guard let entry = entry(key) else {
            throw ConfigDecodingFailure(path: path, message: "missing key '\(key.stringValue)'")
        }
        return ConfigValueDecoding(value: entry.value, path: path.key(key.stringValue), state: state)
    }
}

/// A list, read front to back.
struct ConfigUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [ConfigValue.Item]
    let path: ConfigPath
    let state: ConfigDecodingState
    private(set) var currentIndex = 0

    init(items: [ConfigValue.Item], path: ConfigPath, state: ConfigDecodingState) {
        self.items = items
        self.path = path
        self.state = state
    }

    var codingPath: [any CodingKey] { path.components.map(ConfigCodingKey.init) }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> (ConfigValue, ConfigPath) {
        guard !isAtEnd else {
            throw ConfigDecodingFailure(path: path, message: "expected more than \(items.count) items")
        }
        defer { currentIndex += 1 }
        return (items[currentIndex].value, path.index(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].value == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decodeValue<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let (value, itemPath) = try next()
        return try state.decode(type, from: value, at: itemPath)
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodeValue(type) }
    mutating func decode(_ type: String.Type) throws -> String { try decodeValue(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodeValue(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodeValue(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodeValue(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodeValue(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodeValue(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodeValue(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodeValue(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodeValue(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeValue(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeValue(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeValue(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeValue(type) }
    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try superDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try superDecoder().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (value, itemPath) = try next()
        return ConfigValueDecoding(value: value, path: itemPath, state: state)
    }
}

/// A single value (a scalar, or a value a type decodes as a whole).
struct ConfigSingleValueContainer: SingleValueDecodingContainer {
    let value: ConfigValue
    let path: ConfigPath
    let state: ConfigDecodingState

    var codingPath: [any CodingKey] { path.components.map(ConfigCodingKey.init) }

    func decodeNil() -> Bool { value == .null }

    func decodeValue<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try state.decode(type, from: value, at: path)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try decodeValue(type) }
    func decode(_ type: String.Type) throws -> String { try decodeValue(type) }
    func decode(_ type: Double.Type) throws -> Double { try decodeValue(type) }
    func decode(_ type: Float.Type) throws -> Float { try decodeValue(type) }
    func decode(_ type: Int.Type) throws -> Int { try decodeValue(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decodeValue(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decodeValue(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decodeValue(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodeValue(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decodeValue(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeValue(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeValue(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeValue(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeValue(type) }
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value { try decodeValue(type) }
}
