package org.cdrgen.generate;

/**
 * The services every subscriber-day runs, in this order (the order of their rows before the day is sorted,
 * so it is part of the output). A new service is one class added here, with its profile section.
 */
final class Services {
    private Services() {
    }

    static Service[] of(GenerationModel model, MtLeg mtLeg) {
        return new Service[] {new VoiceGenerator(model, mtLeg), new SmsGenerator(model, mtLeg), new DataGenerator(model)};
    }
}
