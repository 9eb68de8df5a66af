package org.tidings.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ImageCaptionTest {

    @Test
    void labelsAreTakenOffAndATrailingCreditIsTheCredit() {
        assertThat(ImageCaption.of("Image caption, Ferries at the quay", null)).isEqualTo(new ImageCaption("Ferries at the quay", null));
        assertThat(ImageCaption.of("Ferries at the quay on Monday. Photo: Ana Ruiz/Reuters", null))
                .isEqualTo(new ImageCaption("Ferries at the quay on Monday.", "Ana Ruiz/Reuters"));
        assertThat(ImageCaption.of("Ferries at the quay (Photo: Ana Ruiz)", null)).isEqualTo(new ImageCaption("Ferries at the quay", "Ana Ruiz"));
        assertThat(ImageCaption.of("Ferries at the quay | Credit: Ana Ruiz", null)).isEqualTo(new ImageCaption("Ferries at the quay", "Ana Ruiz"));
        assertThat(ImageCaption.of("Ferries at the quay. (AP Photo/Ana Ruiz)", null)).isEqualTo(new ImageCaption("Ferries at the quay.", "AP Photo/Ana Ruiz"));
        assertThat(ImageCaption.of("Ferries at the quay © Ana Ruiz", null)).isEqualTo(new ImageCaption("Ferries at the quay", "Ana Ruiz"));
        assertThat(ImageCaption.of("The picture: a quay at dawn, seen from the ferry", null))
                .as("a label inside a sentence is the sentence's").isEqualTo(new ImageCaption("The picture: a quay at dawn, seen from the ferry", null));
    }

    @Test
    void aLoneCreditIsNoCaption() {
        assertThat(ImageCaption.of("Getty Images", null)).isEqualTo(new ImageCaption(null, "Getty Images"));
        assertThat(ImageCaption.of("Ana Ruiz/AFP via Getty Images", null)).isEqualTo(new ImageCaption(null, "Ana Ruiz/AFP via Getty Images"));
        assertThat(ImageCaption.of("Photo: Getty Images", "Reuters")).isEqualTo(new ImageCaption(null, "Reuters"));
        assertThat(ImageCaption.of("© 2026 Ana Ruiz", null)).isEqualTo(new ImageCaption(null, "2026 Ana Ruiz"));
        assertThat(ImageCaption.of("Photo:", null)).isEqualTo(ImageCaption.NONE);
        assertThat(ImageCaption.of("(Image: @HarbourPolice)", null)).isEqualTo(new ImageCaption(null, "@HarbourPolice"));
        assertThat(ImageCaption.of("Sylvester2020", null)).as("one word is a file's name more often than a caption").isEqualTo(ImageCaption.NONE);
        assertThat(ImageCaption.of("Enlarge this image", null)).isEqualTo(ImageCaption.NONE);
        assertThat(ImageCaption.of("A man walks past the Reuters offices in London", null))
                .as("a sentence that names an agency is a caption").isEqualTo(new ImageCaption("A man walks past the Reuters offices in London", null));
    }

    @Test
    void sentencesAreACaptionWhereverTheyWereWritten() {
        assertThat(ImageCaption.of("Picture: A drone approached the carrier. A screenshot from a video", null))
                .isEqualTo(new ImageCaption("A drone approached the carrier. A screenshot from a video", null));
        assertThat(ImageCaption.of(null, "A drone approached the carrier. A screenshot from a video"))
                .isEqualTo(new ImageCaption("A drone approached the carrier. A screenshot from a video", null));
        assertThat(ImageCaption.of("Divers at work, seen from the pier. (Symbol picture) Photo: Ana Ruiz", null))
                .isEqualTo(new ImageCaption("Divers at work, seen from the pier. (Symbol picture)", "Ana Ruiz"));
    }

    @Test
    void aLongCaptionIsCutAtAWord() {
        String sentence = "Ferries wait at the quay while the harbour master checks the new moorings before the first crossing. ";
        ImageCaption c = ImageCaption.of(sentence.repeat(5), null);
        assertThat(c.text()).hasSizeLessThanOrEqualTo(ImageCaption.MAX_CHARS).endsWith("…").startsWith("Ferries wait at the quay");
        assertThat(c.text().substring(0, c.text().length() - 1)).as("cut after a whole word").matches(".*\\b(the|quay|master|\\w+)$");
        assertThat(sentence.repeat(5)).contains(c.text().substring(0, c.text().length() - 1).strip());
        assertThat(ImageCaption.of("Ferries", "x".repeat(ImageCaption.MAX_CREDIT_CHARS + 1)).credit()).as("a paragraph is no credit").isNull();
    }

    @Test
    void hostileInputIsReadInBoundedTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(ImageCaption.of("a ".repeat(500_000) + "(", "( ".repeat(500_000)).text()).hasSizeLessThanOrEqualTo(ImageCaption.MAX_CHARS);
            ImageCaption slashes = ImageCaption.of("Quay at dawn. Photo: " + "x/".repeat(100_000), "()");
            assertThat(slashes.text()).startsWith("Quay at dawn.").hasSizeLessThanOrEqualTo(ImageCaption.MAX_CHARS);
            assertThat(slashes.credit()).as("too long to be a credit").isNull();
        });
    }

    @Test
    void htmlIsReadAsText() {
        assertThat(ImageCaption.of("<p>Ferries &amp; tugs at the <b>quay</b></p>", "<span>Ana&nbsp;Ruiz</span>"))
                .isEqualTo(new ImageCaption("Ferries & tugs at the quay", "Ana Ruiz"));
    }
}
