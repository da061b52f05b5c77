/* Progressive enhancement for the public portal: 听全文 read-aloud and the print button.
   Pages work without this file; controls it drives stay hidden until it runs. */
(function () {
  "use strict";

  // Chrome stops long utterances after ~15 seconds, so text is spoken sentence by sentence.
  function splitSentences(text) {
    var parts = text.replace(/\s+/g, " ").match(/[^。！？!?；;\n]+[。！？!?；;]?/g) || [];
    var chunks = [];
    parts.forEach(function (part) {
      part = part.trim();
      while (part.length > 180) {
        chunks.push(part.slice(0, 180));
        part = part.slice(180);
      }
      if (part) {
        chunks.push(part);
      }
    });
    return chunks;
  }

  function chineseVoice(synth) {
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i += 1) {
      if (/^zh[-_]CN/i.test(voices[i].lang)) {
        return voices[i];
      }
    }
    for (var j = 0; j < voices.length; j += 1) {
      if (/^zh/i.test(voices[j].lang)) {
        return voices[j];
      }
    }
    return null;
  }

  function setupReadAloud(controls) {
    var synth = window.speechSynthesis;
    var target = document.getElementById(controls.getAttribute("data-target"));
    if (!target) {
      return;
    }
    var playButton = controls.querySelector("[data-action=play]");
    var pauseButton = controls.querySelector("[data-action=pause]");
    var stopButton = controls.querySelector("[data-action=stop]");
    var status = controls.querySelector("[data-status]");
    var queue = [];
    var speaking = false;

    function announce(key) {
      if (status) {
        status.textContent = controls.getAttribute("data-label-" + key) || "";
      }
    }

    function update(state) {
      playButton.disabled = state === "playing";
      pauseButton.disabled = state !== "playing";
      stopButton.disabled = state === "stopped";
      announce(state);
    }

    function speakNext() {
      if (!queue.length) {
        speaking = false;
        update("stopped");
        return;
      }
      var utterance = new SpeechSynthesisUtterance(queue.shift());
      utterance.lang = "zh-CN";
      var voice = chineseVoice(synth);
      if (voice) {
        utterance.voice = voice;
      }
      utterance.onend = function () {
        if (speaking) {
          speakNext();
        }
      };
      utterance.onerror = function () {
        speaking = false;
        update("stopped");
      };
      synth.speak(utterance);
    }

    playButton.addEventListener("click", function () {
      if (synth.paused && speaking) {
        synth.resume();
      } else {
        synth.cancel();
        queue = splitSentences(target.innerText || target.textContent || "");
        speaking = true;
        speakNext();
      }
      update("playing");
    });
    pauseButton.addEventListener("click", function () {
      synth.pause();
      update("paused");
    });
    stopButton.addEventListener("click", function () {
      speaking = false;
      queue = [];
      synth.cancel();
      update("stopped");
    });
    window.addEventListener("pagehide", function () {
      synth.cancel();
    });

    update("stopped");
    controls.hidden = false;
  }

  function init() {
    if ("speechSynthesis" in window && "SpeechSynthesisUtterance" in window) {
      document.querySelectorAll("[data-readaloud]").forEach(setupReadAloud);
    }
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
