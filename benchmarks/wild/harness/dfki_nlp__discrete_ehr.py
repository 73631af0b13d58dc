"""DFKI-NLP/discrete-ehr: representation learning on clinical time series (MIMIC-III episodes).

samplers.py: random samplers that keep a patient's episodes together (and those of patients
of similar age, and of similar diagnoses), for the contrastive pre-training (pretrain.py
--sampler). All three shuffle pandas data frames of the dataset (file_df, demog_df) and the
last clusters diagnoses with scikit-learn: neither library is in our environment, and a
stand-in would have to re-implement the very logic under test.
"""

from wild.entry import Project, not_run

PROJECT = Project(
    name="DFKI-NLP/discrete-ehr",
    source="github",
    ref="3bc873d56d00987ff11851276d43d254b20f57cf",
    domain="clinical time series (EHR)",
)

_WHY = "its order is pandas data-frame operations (and scikit-learn clustering); neither is installed"

not_run(PROJECT, "samplers.py", "SubjectRandomSampler", _WHY)
not_run(PROJECT, "samplers.py", "AgeSubjectRandomSampler", _WHY)
not_run(PROJECT, "samplers.py", "DiagnoseAgeSubjectRandomSampler", _WHY)
