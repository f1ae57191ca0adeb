// SPDX-License-Identifier: Apache-2.0

import SecureVisionCore
import Synchronization

/// In-memory plate lists for route tests (normalising as the store does).
final class FakePlateLists: PlateListRepository {
    private let state = Mutex<[PlateListEntry]>([])

    func addPlate(_ plate: String, to list: PlateList, note: String?) async throws -> Bool {
        state.withLock { entries in
            guard !entries.contains(where: { $0.list == list && $0.plate == plate }) else { return false }
            entries.append(PlateListEntry(list: list, plate: plate, note: note, createdAtMs: 5))
            return true
        }
    }

    func removePlate(_ plate: String, from list: PlateList) async throws -> Bool {
        state.withLock { entries in
            let before = entries.count
            entries.removeAll { $0.list == list && $0.plate == plate }
            return entries.count < before
        }
    }

    func plates(in list: PlateList?) async throws -> [PlateListEntry] {
        state.withLock { $0.filter { list == nil || $0.list == list }.sorted { $0.plate < $1.plate } }
    }
}

/// In-memory gallery for route tests.
final class FakeGallery: GalleryRepository {
    private let state = Mutex<[Person]>([])

    func upsertPerson(id: String, displayName: String) async throws -> Person {
        state.withLock { people in
            let person = Person(id: id, displayName: displayName, createdAtMs: 0, faceCount: 1)
            people.removeAll { $0.id == id }
            people.append(person)
            return person
        }
    }

    func people() async throws -> [Person] { state.withLock { $0 } }

    func deletePerson(id: String) async throws -> Bool {
        state.withLock { people in
            let before = people.count
            people.removeAll { $0.id == id }
            return people.count < before
        }
    }

    func addFace(personID: String, vector: [Float], source: String?, sourceDigest: String?) async throws
        -> FaceEmbedding
    {
        FaceEmbedding(
            id: 1,
            personID: personID,
            vector: vector,
            source: source,
            sourceDigest: sourceDigest,
            createdAtMs: 0
        )
    }

    func faces() async throws -> [FaceEmbedding] { [] }
}

/// A face service that answers from the first byte of the image, for route tests.
final class FakeFaceService: FaceService {
    func enrollFace(personID: String, displayName: String?, image: [UInt8], source: String) async throws
        -> FaceEnrollmentOutcome
    {
        switch image.first {
        case 0: .rejected(reason: "upload: no face found")
        case 2: .rejected(reason: "upload: 2 faces found, expected one")
        case 9: .alreadyEnrolled
        default: .added
        }
    }

    func recognizeFaces(in image: [UInt8]) async throws -> [RecognizedFace] {
        guard image.first != 0 else { throw FaceImageError("the image cannot be decoded") }
        let detection = FaceDetection(box: BoundingBox(x1: 1, y1: 2, x2: 3, y2: 4), score: 0.9, landmarks: [])
        return [
            RecognizedFace(
                detection: detection,
                match: FaceMatch(personID: "ann", similarity: 0.7, nearestPersonID: "ann")
            )
        ]
    }
}
