// SPDX-License-Identifier: Apache-2.0

/// The `PLATES` section with its `DETECTOR`, `OCR`, `POSTPROCESS` and `ROI` subsections.
public struct PlateSettings: Sendable, Equatable {
    public var enabled = true
    public var whitelistPath = "./data/plates/whitelist.csv"
    public var blacklistPath = "./data/plates/blacklist.csv"
    public var minConfidence = 0.55
    /// Largest edit distance at which a read still matches a list entry (0 = exact).
    public var matchMaxDistance = 0
    public var detector = Detector()
    public var ocr = OCR()
    public var postprocess = Postprocess()
    public var roi = RegionOfInterest()

    public init() {}

    /// Plate detector settings.
    public struct Detector: Sendable, Equatable {
        /// A plate detector model of the y5fu family; `nil` means the bundled one for ``inputSize``.
        public var modelPath: String?
        public var confThreshold = 0.25
        public var iouThreshold = 0.45
        public var maxDet = 10
        public var inputSize = 320
        public init() {}
    }

    /// The OCR engine used on plate crops.
    ///
    /// Only the PP-OCRv3 recogniser ships; the earlier Tesseract settings are accepted for
    /// compatibility but choosing Tesseract as the engine is refused rather than silently ignored.
    public enum OCREngine: String, Sendable, CaseIterable {
        case ppocr
    }

    /// Plate OCR settings; the Tesseract ones apply to the fallback engine.
    public struct OCR: Sendable, Equatable {
        public var engine = OCREngine.ppocr
        public var tesseractLang = "eng"
        public var psmMode = 7
        public var oemMode = 3
        public var charWhitelist = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789- "
        public var enableGrayscale = true
        public var enableBilateral = false
        public var enableAdaptiveThreshold = false
        public var enableCLAHE = false
        public var toUppercase = true
        public var stripWhitespace = true
        public var minTextLength = 3
        public var substituteOTo0 = false
        public var substituteITo1 = false
        public init() {}
    }

    /// Normalisation and format validation of recognised text.
    public struct Postprocess: Sendable, Equatable {
        /// A plate format that a read must match in full, or `nil` to accept any.
        public var regex: String?
        public var uppercase = true
        public var minLength = 4
        public var maxLength = 10
        public init() {}
    }

    /// A rectangle of the frame that plate detection is limited to.
    ///
    /// An `x2` or `y2` of 0 means the frame edge.
    public struct RegionOfInterest: Sendable, Equatable {
        public var enabled = false
        public var x1 = 0
        public var y1 = 0
        public var x2 = 0
        public var y2 = 0
        public init() {}
    }
}
