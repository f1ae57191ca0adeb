// SPDX-License-Identifier: Apache-2.0

import Foundation
import SecureVisionCore
import SecureVisionDetection
import Testing

@Suite("Image decoding at the native boundary")
struct ImageCodecTests {
    @Test("an empty file is a decode error")
    func empty() {
        #expect(throws: VisionError.self) { try ImageCodec.decode(Data()) }
    }

    @Test("a truncated, corrupt JPEG is a decode error with no path in the message")
    func corrupt() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: TestData.path("obama.jpg"))).prefix(100)
        let error = try #require(throws: VisionError.self) { try ImageCodec.decode(Data(bytes)) }
        #expect(error.code == .decode)
        #expect(!error.message.contains(".cpp"))
    }

    @Test("random bytes are a decode error")
    func garbage() throws {
        let error = try #require(throws: VisionError.self) { try ImageCodec.decode(Data(repeating: 7, count: 4096)) }
        #expect(error.code == .decode)
    }

    @Test("a missing file is an io error naming it")
    func missing() throws {
        let error = try #require(throws: VisionError.self) { try ImageCodec.load(contentsOf: "/nonexistent/x.jpg") }
        #expect(error.code == .io)
        #expect(error.message.contains("/nonexistent/x.jpg"))
    }

    @Test("a missing model is reported by name")
    func missingModel() throws {
        let error = try #require(throws: VisionError.self) { try FaceDetector(modelPath: "/nonexistent/yunet.onnx") }
        #expect(error.code == .modelLoad)
        #expect(error.message.contains("fetch-models"))
    }

    @Test("decode, resize and JPEG round trip keep the size")
    func roundTrip() throws {
        let image = try TestData.image("messi5.jpg")
        #expect(image.format == .bgr24)
        let small = try ImageCodec.resize(image, to: PixelSize(width: 100, height: 60))
        #expect(small.size == PixelSize(width: 100, height: 60))
        let again = try ImageCodec.decode(try ImageCodec.encodeJPEG(small, quality: 80))
        #expect(again.size == small.size)
    }
}
