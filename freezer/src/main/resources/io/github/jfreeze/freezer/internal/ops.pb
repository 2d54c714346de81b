

Abort

Abs
x
y
#
AccumulateNV2
inputs*N
sum
A
AccumulatorApplyGradient
handleÄ

local_step

gradient
;
AccumulatorNumAccumulated
handleÄ
num_accumulated
:
AccumulatorSetGlobalStep
handleÄ
new_global_step
A
AccumulatorTakeGradient
handleÄ
num_required	
average

Acos
x
y

Acosh
x
y

Add
x
y
z
c
AddManySparseToTensorsMap
sparse_indices
sparse_values
sparse_shape
sparse_handlesà

AddN
inputs*N
sum
^
AddSparseToTensorsMap
sparse_indices
sparse_values
sparse_shape
sparse_handleà

AddV2
x
y
z
Q
AdjustContrast
images
contrast_factor
	min_value
	max_value
output
9
AdjustContrastv2
images
contrast_factor
output
(
	AdjustHue
images
delta
output
/
AdjustSaturation
images
scale
output
-
All
input
reduction_indices
output
o
AllCandidateSampler
true_classes
sampled_candidates
true_expected_count
sampled_expected_countà
4
AllToAll
input
group_assignment
outputà

Angle
input
output
'
AnonymousHashTable
table_handleà
 
AnonymousIterator
handleà
-
AnonymousIteratorV2
handle	
deleterà
"
AnonymousIteratorV3
handleà
.
AnonymousMemoryCache
handle	
deleterà
6
AnonymousMultiDeviceIterator
handle	
deleterà
-
AnonymousMultiDeviceIteratorV3
handleà
O
AnonymousMutableDenseHashTable
	empty_key
deleted_key
table_handleà
.
AnonymousMutableHashTable
table_handleà
7
"AnonymousMutableHashTableOfTensors
table_handleà
G
AnonymousRandomSeedGenerator
seed
seed2
handle	
deleterà
N
AnonymousSeedGenerator
seed
seed2
	reshuffle
handle	
deleterà
-
Any
input
reduction_indices
output
k
ApplyAdaMax
varÄ
mÄ
vÄ
beta1_power
lr
beta1
beta2	
epsilon
grad
outÄ
b
ApplyAdadelta
varÄ

accumÄ
accum_updateÄ
lr
rho	
epsilon
grad
outÄ
<
ApplyAdagrad
varÄ

accumÄ
lr
grad
outÄ
ã
ApplyAdagradDA
varÄ
gradient_accumulatorÄ!
gradient_squared_accumulatorÄ
grad
lr
l1
l2
global_step
outÄ
I
ApplyAdagradV2
varÄ

accumÄ
lr	
epsilon
grad
outÄ
x
	ApplyAdam
varÄ
mÄ
vÄ
beta1_power
beta2_power
lr
beta1
beta2	
epsilon
grad
outÄ
W
ApplyAddSign
varÄ
mÄ
lr
alpha

sign_decay
beta
grad
outÄ
r
ApplyCenteredRMSProp
varÄ
mgÄ
msÄ
momÄ
lr
rho

momentum	
epsilon
grad
outÄ
^
	ApplyFtrl
varÄ

accumÄ
linearÄ
grad
lr
l1
l2

lr_power
outÄ
p
ApplyFtrlV2
varÄ

accumÄ
linearÄ
grad
lr
l1
l2
l2_shrinkage

lr_power
outÄ
<
ApplyGradientDescent
varÄ
alpha
delta
outÄ
I
ApplyMomentum
varÄ

accumÄ
lr
grad

momentum
outÄ
[
ApplyPowerSign
varÄ
mÄ
lr	
logbase

sign_decay
beta
grad
outÄ
P
ApplyProximalAdagrad
varÄ

accumÄ
lr
l1
l2
grad
outÄ
P
ApplyProximalGradientDescent
varÄ
alpha
l1
l2
delta
outÄ
a
ApplyRMSProp
varÄ
msÄ
momÄ
lr
rho

momentum	
epsilon
grad
outÄ
*

ApproxTopK
input
values	
indices
!
ApproximateEqual
x
y
z
(
ArgMax
input
	dimension
output
(
ArgMin
input
	dimension
output

AsString
input
output

Asin
x
y

Asinh
x
y
#
Assert
	condition	
data2Tà
D
AssertCardinalityDataset
input_dataset
cardinality
handle
A
AssertNextDataset
input_dataset
transformations
handle
A
AssertPrevDataset
input_dataset
transformations
handle
,
Assign
refÄ
value

output_refÄ
/
	AssignAdd
refÄ
value

output_refÄ
-
AssignAddVariableOp

resource
valueà
/
	AssignSub
refÄ
value

output_refÄ
-
AssignSubVariableOp

resource
valueà
*
AssignVariableOp

resource
valueà
7
AssignVariableXlaConcatND

resource
inputs*Nà

Atan
x
y

Atan2
y
x
z

Atanh
x
y
*
AudioSpectrogram
input
spectrogram
*
AudioSummary
tag
tensor	
summary
;
AudioSummaryV2
tag
tensor
sample_rate	
summary
E
AutoShardDataset
input_dataset
num_workers
index
handle

AvgPool
value
output

	AvgPool3D
input
output
5
AvgPool3DGrad
orig_input_shape
grad
output
3
AvgPoolGrad
orig_input_shape
grad
output
2
BandedTriangularSolve
matrix
rhs
output

Barrier
handleÄà

BarrierClose
handleÄ
,
BarrierIncompleteSize
handleÄ
size
2
BarrierInsertMany
handleÄ
keys
values
'
BarrierReadySize
handleÄ
size
\
BarrierTakeMany
handleÄ
num_elements	
indices
keys
values2component_types
C
Batch

in_tensors2T
batched_tensors2T
batch_index
id
"
BatchCholesky
input
output
*
BatchCholeskyGrad
l
grad
output
7
BatchDataset
input_dataset

batch_size
handle
K
BatchDatasetV2
input_dataset

batch_size
drop_remainder
handle

BatchFFT
input
output


BatchFFT2D
input
output


BatchFFT3D
input
output
V
BatchFunction

in_tensors2Tin
captured_tensors2	Tcaptured
out_tensors2Tout

	BatchIFFT
input
output
 
BatchIFFT2D
input
output
 
BatchIFFT3D
input
output
!
BatchMatMul
x
y
output
#
BatchMatMulV2
x
y
output
#
BatchMatMulV3
x
y
output
@
BatchMatrixBandPart
input
	num_lower
	num_upper
band
+
BatchMatrixDeterminant
input
output
'
BatchMatrixDiag

diagonal
output
*
BatchMatrixDiagPart
input

diagonal
'
BatchMatrixInverse
input
output
3
BatchMatrixSetDiag
input

diagonal
output
-
BatchMatrixSolve
matrix
rhs
output
A
BatchMatrixSolveLs
matrix
rhs
l2_regularizer
output
7
BatchMatrixTriangularSolve
matrix
rhs
output
L
 BatchNormWithGlobalNormalization
t
m
v
beta
gamma
result
h
$BatchNormWithGlobalNormalizationGrad
t
m
v
gamma

backprop
dx
dm
dv
db
dg
(
BatchSelfAdjointEig
input
output
*
BatchSelfAdjointEigV2
input
e
v
"
BatchSvd
input
s
u
v
*
BatchToSpace
input
crops
output
;
BatchToSpaceND
input
block_shape
crops
output

BesselI0
x
y

	BesselI0e
x
y

BesselI1
x
y

	BesselI1e
x
y

BesselJ0
x
y

BesselJ1
x
y

BesselK0
x
y

	BesselK0e
x
y

BesselK1
x
y

	BesselK1e
x
y

BesselY0
x
y

BesselY1
x
y

Betainc
a
b
x
z
$
BiasAdd
value
bias
output
'
BiasAddGrad
out_backprop
output
&
	BiasAddV1
value
bias
output
,
Bincount
arr
size	
weights
bins

Bitcast
input
output


BitwiseAnd
x
y
z

	BitwiseOr
x
y
z


BitwiseXor
x
y
z
y
	BlockLSTM
seq_len_max
x	
cs_prev
h_prev
w
wci
wcf
wco
b
i
cs
f
o
ci
co
h
Û
BlockLSTMGrad
seq_len_max
x	
cs_prev
h_prev
w
wci
wcf
wco
b
i
cs
f
o
ci
co
h	
cs_grad
h_grad
x_grad
cs_prev_grad
h_prev_grad
w_grad

wci_grad

wcf_grad

wco_grad
b_grad
ı
BlockLSTMGradV2
seq_len_max
x	
cs_prev
h_prev
w
wci
wcf
wco
b
i
cs
f
o
ci
co
h	
cs_grad
h_grad
x_grad
cs_prev_grad
h_prev_grad
w_grad

wci_grad

wcf_grad

wco_grad
b_grad
{
BlockLSTMV2
seq_len_max
x	
cs_prev
h_prev
w
wci
wcf
wco
b
i
cs
f
o
ci
co
h
]
BoostedTreesAggregateStats

node_ids
	gradients

hessians	
feature
stats_summary
q
BoostedTreesBucketize
float_values*num_features!
bucket_boundaries*num_features
buckets*num_features
Ç
%BoostedTreesCalculateBestFeatureSplit
node_id_range
stats_summary
l1
l2
tree_complexity
min_node_weight

node_ids
gains
feature_dimensions

thresholds
left_node_contribs
right_node_contribs
split_with_default_directions
–
'BoostedTreesCalculateBestFeatureSplitV2
node_id_range$
stats_summaries_list*num_features
split_types
candidate_feature_ids
l1
l2
tree_complexity
min_node_weight

node_ids
gains
feature_ids
feature_dimensions

thresholds
left_node_contribs
right_node_contribs
split_with_default_directions
¿
(BoostedTreesCalculateBestGainsPerFeature
node_id_range"
stats_summary_list*num_features
l1
l2
tree_complexity
min_node_weight
node_ids_list*num_features

gains_list*num_features
thresholds_list*num_features'
left_node_contribs_list*num_features(
right_node_contribs_list*num_features
x
BoostedTreesCenterBias
tree_ensemble_handle
mean_gradients
mean_hessians
l1
l2
continue_centeringà
b
BoostedTreesCreateEnsemble
tree_ensemble_handle
stamp_token
tree_ensemble_serializedà
j
(BoostedTreesCreateQuantileStreamResource!
quantile_stream_resource_handle	
epsilon
num_streamsà
g
BoostedTreesDeserializeEnsemble
tree_ensemble_handle
stamp_token
tree_ensemble_serializedà
5
$BoostedTreesEnsembleResourceHandleOp

resourceà
ë
BoostedTreesExampleDebugOutputs
tree_ensemble_handle.
bucketized_features*num_bucketized_features#
!examples_debug_outputs_serializedà
e
"BoostedTreesFlushQuantileSummaries!
quantile_stream_resource_handle
	summaries*num_featuresà
ü
BoostedTreesGetEnsembleStates
tree_ensemble_handle
stamp_token
	num_trees
num_finalized_trees
num_attempted_layers
last_layer_nodes_rangeà
z
!BoostedTreesMakeQuantileSummaries
float_values*num_features
example_weights	
epsilon
	summaries*num_features
~
BoostedTreesMakeStatsSummary

node_ids
	gradients

hessians(
bucketized_features_list*num_features
stats_summary
j
BoostedTreesPredict
tree_ensemble_handle.
bucketized_features*num_bucketized_features
logitsà
q
.BoostedTreesQuantileStreamResourceAddSummaries!
quantile_stream_resource_handle
	summaries*num_featuresà
w
-BoostedTreesQuantileStreamResourceDeserialize!
quantile_stream_resource_handle 
bucket_boundaries*num_streamsà
^
'BoostedTreesQuantileStreamResourceFlush!
quantile_stream_resource_handle
num_bucketsà
Ä
5BoostedTreesQuantileStreamResourceGetBucketBoundaries!
quantile_stream_resource_handle!
bucket_boundaries*num_featuresà
;
*BoostedTreesQuantileStreamResourceHandleOp

resourceà
e
BoostedTreesSerializeEnsemble
tree_ensemble_handle
stamp_token
tree_ensemble_serializedà
≈
 BoostedTreesSparseAggregateStats

node_ids
	gradients

hessians
feature_indices
feature_values
feature_shape
stats_summary_indices
stats_summary_values
stats_summary_shape
ø
+BoostedTreesSparseCalculateBestFeatureSplit
node_id_range
stats_summary_indices
stats_summary_values
stats_summary_shape
l1
l2
tree_complexity
min_node_weight

node_ids
gains
feature_dimensions

thresholds
left_node_contribs
right_node_contribs
split_with_default_directions
∏
BoostedTreesTrainingPredict
tree_ensemble_handle
cached_tree_ids
cached_node_ids.
bucketized_features*num_bucketized_features
partial_logits

tree_ids

node_idsà
˙
BoostedTreesUpdateEnsemble
tree_ensemble_handle
feature_ids
node_ids*num_features
gains*num_features

thresholds*num_features"
left_node_contribs*num_features#
right_node_contribs*num_features
	max_depth
learning_rateà
‘
BoostedTreesUpdateEnsembleV2
tree_ensemble_handle
feature_ids*
num_groups
dimension_ids*num_features
node_ids*num_features
gains*num_features

thresholds*num_features"
left_node_contribs*num_features#
right_node_contribs*num_features
split_types*num_features
	max_depth
learning_rate
pruning_modeà
!
BroadcastArgs
s0
s1
r0
/
BroadcastGradientArgs
s0
s1
r0
r1
)
BroadcastTo
input
shape
output

	Bucketize
input
output
=
BytesProducedStatsDataset
input_dataset
tag
handle
[
CSRSparseMatrixComponents
csr_sparse_matrix
index

row_ptrs

col_inds
values
8
CSRSparseMatrixToDense
sparse_input
dense_output
T
CSRSparseMatrixToSparseTensor
sparse_matrix	
indices
values
dense_shape
±

CSVDataset
	filenames
compression_type
buffer_size
header
field_delim
use_quote_delim

na_value
select_cols
record_defaults2output_types
handleà
√
CSVDatasetV2
	filenames
compression_type
buffer_size
header
field_delim
use_quote_delim

na_value
select_cols
record_defaults2output_types
exclude_cols
handleà
ù
CTCBeamSearchDecoder
inputs
sequence_length
decoded_indices*	top_paths
decoded_values*	top_paths
decoded_shape*	top_paths
log_probability
x
CTCGreedyDecoder
inputs
sequence_length
decoded_indices
decoded_values
decoded_shape
log_probability
]
CTCLoss
inputs
labels_indices
labels_values
sequence_length
loss

gradient
_
	CTCLossV2
inputs
labels_indices
labels_values
sequence_length
loss

gradient
5
CacheDataset
input_dataset

filename
handle
C
CacheDatasetV2
input_dataset

filename
cache
handleà
,
CalibrationStatisticsSaver
args2Tinà
7
Case
branch_index
input2Tin
output2Toutà

Cast
x
y

Ceil
x
y
&
CheckNumerics
tensor
outputà
(
CheckNumericsV2
tensor
outputà
!
CheckPinned
tensor
output

Cholesky
input
output
%
CholeskyGrad
l
grad
output
~
ChooseFastestBranchDataset
input_dataset
ratio_numerator
ratio_denominator
other_arguments2
Targuments
handle
5
ChooseFastestDataset
input_datasets*N
handle
@
ClipByValue
t
clip_value_min
clip_value_max
output
!
CloseSummaryWriter
writerà
K
CollateTPUEmbeddingMemory
memory_configs*N
merged_memory_configà
x
CollectiveAllToAllV2
input

group_size
	group_key
instance_key!
ordering_token*Nordering_token
dataà
N
CollectiveAllToAllV3
input
communicator
group_assignment
dataà
g
CollectiveAssignGroupV2
group_assignment
device_index

base_key

group_size
	group_keyà
 
CollectiveBcastRecv
dataà
V
CollectiveBcastRecvV2

group_size
	group_key
instance_key
shape
dataà
)
CollectiveBcastSend
input
dataà
V
CollectiveBcastSendV2
input

group_size
	group_key
instance_key
dataà
&
CollectiveGather
input
dataà
v
CollectiveGatherV2
input

group_size
	group_key
instance_key!
ordering_token*Nordering_token
dataà
X
 CollectiveInitializeCommunicator
	group_key
rank

group_size
communicatorà
@
CollectivePermute
input
source_target_pairs
outputà
&
CollectiveReduce
input
dataà
}
CollectiveReduceScatterV2
input

group_size
	group_key
instance_key!
ordering_token*Nordering_token
dataà
v
CollectiveReduceV2
input

group_size
	group_key
instance_key!
ordering_token*Nordering_token
dataà
L
CollectiveReduceV3
input
communicator
group_assignment
dataà
≈
CombinedNonMaxSuppression
boxes
scores
max_output_size_per_class
max_total_size
iou_threshold
score_threshold
nmsed_boxes
nmsed_scores
nmsed_classes
valid_detections
 
Complex
real
imag
out


ComplexAbs
x
y
L
$CompositeTensorVariantFromComponents

components2Tcomponents	
encoded
J
"CompositeTensorVariantToComponents	
encoded

components2Tcomponents
:
CompressElement

components2input_types

compressed
Z
ComputeAccidentalHits
true_classes
sampled_candidates	
indices
ids	
weights
1
ComputeBatchSize
input_dataset

batch_size
)
ComputeDedupDataSize
num_elementsà
+
ComputeDedupDataSizeV2
num_elementsà
.
ComputeDedupDataTupleMask
output_shapeà
0
ComputeDedupDataTupleMaskV2
output_shapeà
-
Concat

concat_dim
values*N
output
5
ConcatOffset

concat_dim

shape*N
offset*N
)
ConcatV2
values*N
axis
output
B
ConcatenateDataset
input_dataset
another_dataset
handle
(
ConditionalAccumulator
handleÄà
.
ConfigureAndInitializeGlobalTPU
outputà
(
ConfigureDistributedTPU

topologyà

ConfigureTPUEmbeddingà
R
ConfigureTPUEmbeddingHost
common_config
memory_config
network_configà
B
ConfigureTPUEmbeddingMemory
common_config
memory_configà

Conj
input
output
&
ConjugateTranspose
x
perm
y
3
ConnectTPUEmbeddingHosts
network_configs*Nà

Const
output
#
ConsumeMutexLock

mutex_lockà

ControlTrigger
#
Conv
input
filter
output
%
Conv2D
input
filter
output
I
Conv2DBackpropFilter
input
filter_sizes
out_backprop
output
E
Conv2DBackpropFilterV2
input
filter
out_backprop
output
H
Conv2DBackpropInput
input_sizes
filter
out_backprop
output
D
Conv2DBackpropInputV2
input
filter
out_backprop
output
%
Conv3D
input
filter
output
C
Conv3DBackpropFilter
input
filter
out_backprop
output
K
Conv3DBackpropFilterV2
input
filter_sizes
out_backprop
output
B
Conv3DBackpropInput
input
filter
out_backprop
output
J
Conv3DBackpropInputV2
input_sizes
filter
out_backprop
output
d
ConvertToCooTensor
indices_or_row_splits
values	
weights	
row_ids	
col_ids
gainsà
¥
#ConvertToListOfSparseCoreCooTensors
indices_or_row_splits
values	
weights
row_ids_list*num_sc_per_chip
col_ids_list*num_sc_per_chip

gains_list*num_sc_per_chip
·
&ConvertToSparseCoreCsrWrappedCooTensor&
sorted_row_ids_list*num_sc_per_chip&
sorted_col_ids_list*num_sc_per_chip$
sorted_gains_list*num_sc_per_chip!
id_counts_list*num_sc_per_chip
splits
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
row_pointers_unpadded_size
ids_unpadded_size
num_minibatches_per_sc

Copy
input
output

CopyHost
input
output


CopyToMesh
input
output
4
CopyToMeshGrad
input
forward_input
output

Cos
x
y

Cosh
x
y

	CountUpTo
refÄ
output
Z
CreateSummaryDbWriter
writer
db_uri
experiment_name

run_name
	user_nameà
`
CreateSummaryFileWriter
writer
logdir
	max_queue
flush_millis
filename_suffixà
B
CropAndResize
image
boxes	
box_ind
	crop_size
crops
H
CropAndResizeGradBoxes
grads
image
boxes	
box_ind
output
M
CropAndResizeGradImage
grads
boxes	
box_ind

image_size
output

Cross
a
b	
product
;
CrossReplicaSum
input
group_assignment
outputà
i
CudnnRNN
input	
input_h	
input_c
params
output

output_h

output_c
reserve_spaceà
˚
CudnnRNNBackprop
input	
input_h	
input_c
params
output

output_h

output_c
output_backprop
output_h_backprop
output_c_backprop
reserve_space
input_backprop
input_h_backprop
input_c_backprop
params_backpropà
é
CudnnRNNBackpropV2
input	
input_h	
input_c
params
output

output_h

output_c
output_backprop
output_h_backprop
output_c_backprop
reserve_space
host_reserved
input_backprop
input_h_backprop
input_c_backprop
params_backpropà
¢
CudnnRNNBackpropV3
input	
input_h	
input_c
params
sequence_lengths
output

output_h

output_c
output_backprop
output_h_backprop
output_c_backprop
reserve_space
host_reserved
input_backprop
input_h_backprop
input_c_backprop
params_backpropà
{
CudnnRNNCanonicalToParams

num_layers
	num_units

input_size
weights*
num_params
biases*
num_params
params
å
CudnnRNNCanonicalToParamsV2

num_layers
	num_units

input_size
weights*num_params_weights
biases*num_params_biases
params
L
CudnnRNNParamsSize

num_layers
	num_units

input_size
params_size
{
CudnnRNNParamsToCanonical

num_layers
	num_units

input_size
params
weights*
num_params
biases*
num_params
å
CudnnRNNParamsToCanonicalV2

num_layers
	num_units

input_size
params
weights*num_params_weights
biases*num_params_biases
|

CudnnRNNV2
input	
input_h	
input_c
params
output

output_h

output_c
reserve_space
host_reservedà
ê

CudnnRNNV3
input	
input_h	
input_c
params
sequence_lengths
output

output_h

output_c
reserve_space
host_reservedà

Cumprod
x
axis
out

Cumsum
x
axis
out
)
CumulativeLogsumexp
x
axis
out
@
CustomAggregator
input
output
min
max
	histogram
%
DTensorAllGather
input
output
9
DTensorAllReduce
input
group_assignment
output
&
DTensorAllScatter
input
output
$
DTensorAllToAll
input
output
R
DTensorReduceScatter
input
group_assignment
scatter_dimension
output
V
DTensorRestoreV2
prefix
tensor_names
shape_and_slices
tensors2dtypesà
)
DTensorSetGlobalTPUArray

topologyà

DataFormatDimMap
x
y
 
DataFormatVecPermute
x
y
ñ
DataServiceDataset

dataset_id
processing_mode	
address

protocol

job_name
max_outstanding_requests
iteration_counter
handleà
ª
DataServiceDatasetV2

dataset_id
processing_mode	
address

protocol

job_name
consumer_index
num_consumers
max_outstanding_requests
iteration_counter
handleà
ª
DataServiceDatasetV3

dataset_id
processing_mode	
address

protocol

job_name
consumer_index
num_consumers
max_outstanding_requests
iteration_counter
handleà
ª
DataServiceDatasetV4

dataset_id
processing_mode	
address

protocol

job_name
consumer_index
num_consumers
max_outstanding_requests
iteration_counter
handleà
4
DatasetCardinality
input_dataset
cardinality
4
DatasetFingerprint
input_dataset
fingerprint
)
DatasetFromGraph
	graph_def
handle
*
DatasetToGraph
input_dataset
graph
,
DatasetToGraphV2
input_dataset
graph
B
DatasetToSingleElement	
dataset

components2output_typesà
G
DatasetToTFRecord
input_dataset

filename
compression_typeà

Dawsn
x
y
*
DebugGradientIdentity
input
output
3
DebugGradientRefIdentity

inputÄ
outputÄ
"
DebugIdentity
input
output
'
DebugIdentityV2
input
outputà
'
DebugIdentityV3
input
outputà
"
DebugNanCount
input
output
(
DebugNumericSummary
input
output
*
DebugNumericSummaryV2
input
output
7
DecodeAndCropJpeg

contents
crop_window
image
!
DecodeBase64
input
output
 
	DecodeBmp

contents
image
G
	DecodeCSV	
records
record_defaults2OUT_TYPE
output2OUT_TYPE
%
DecodeCompressed
bytes
output
 
	DecodeGif

contents
image
"
DecodeImage

contents
image
7
DecodeJSONExample
json_examples
binary_examples
!

DecodeJpeg

contents
image
:
DecodePaddedRaw
input_bytes
fixed_length
output
 
	DecodePng

contents
image
9
DecodeProtoV2
bytes
sizes
values2output_types

	DecodeRaw
bytes
output
/
	DecodeWav

contents
audio
sample_rate

DeepCopy
x
yà
(
DeleteIterator
handle	
deleterà
+
DeleteMemoryCache
handle	
deleterà
R
DeleteMultiDeviceIterator
multi_device_iterator
	iterators*N	
deleterà
3
DeleteRandomSeedGenerator
handle	
deleterà
1
DeleteRpcFutureResource
handle	
deleterà
-
DeleteSeedGenerator
handle	
deleterà
"
DeleteSessionTensor
handleà
5
DenseBincount
input
size	
weights
output
f
DenseCountSparseOutput
values	
weights
output_indices
output_values
output_dense_shape
C
DenseToCSRSparseMatrix
dense_input	
indices
sparse_output
]
DenseToDenseSetOperation
set1
set2
result_indices
result_values
result_shape
Q
DenseToSparseBatchDataset
input_dataset

batch_size
	row_shape
handle
É
DenseToSparseSetOperation
set1
set2_indices
set2_values

set2_shape
result_indices
result_values
result_shape
!
DepthToSpace
input
output
4
DepthwiseConv2dNative
input
filter
output
X
#DepthwiseConv2dNativeBackpropFilter
input
filter_sizes
out_backprop
output
W
"DepthwiseConv2dNativeBackpropInput
input_sizes
filter
out_backprop
output
9

Dequantize
input
	min_range
	max_range
output
9
DeserializeIterator
resource_handle

serializedà
_
DeserializeManySparse
serialized_sparse
sparse_indices
sparse_values
sparse_shape
[
DeserializeSparse
serialized_sparse
sparse_indices
sparse_values
sparse_shape
"
DestroyResourceOp

resourceà
-
DestroyTemporaryVariable
refÄ
value

DeviceIndex
indexà

Diag

diagonal
output

DiagPart
input

diagonal

Digamma
x
y
)

Dilation2D
input
filter
output
P
Dilation2DBackpropFilter
input
filter
out_backprop
filter_backprop
K
Dilation2DBackpropInput
input
filter
out_backprop
in_backprop
Y
DirectedInterleaveDataset
selector_input_dataset
data_input_datasets*N
handle
"
DisableCopyOnRead

resourceà
7
DistributedSave	
dataset
	directory	
addressà

Div
x
y
z

DivNoNan
x
y
z
0
DrawBoundingBoxes
images
boxes
output
<
DrawBoundingBoxesV2
images
boxes
colors
output
$
DummyIterationCounter
handleà

DummyMemoryCache
handleà
!
DummySeedGenerator
handleà


DumpTensor
tensor_dataà
´
.DynamicEnqueueTPUEmbeddingArbitraryTensorBatch!
sample_indices_or_row_splits*N
embedding_indices*N
aggregation_weights*N
mode_override
device_ordinalà
ô
+DynamicEnqueueTPUEmbeddingRaggedTensorBatch
sample_splits*N
embedding_indices*N
aggregation_weights*N
mode_override
device_ordinalà
C
DynamicPartition
data

partitions
outputs*num_partitions
2
DynamicStitch
indices*N	
data*N
merged
.
EagerPyFunc
input2Tin
output2Toutà
á
EditDistance
hypothesis_indices
hypothesis_values
hypothesis_shape
truth_indices
truth_values
truth_shape
output

Eig
input
e
v

Einsum
inputs*N
output
 
Elu

features
activations
.
EluGrad
	gradients	
outputs
	backprops

Empty
shape
outputà
@
EmptyTensorList
element_shape
max_num_elements
handle

EmptyTensorMap
handle
!
EncodeBase64
input
output
!

EncodeJpeg
image

contents
<
EncodeJpegVariableQuality
images	
quality

contents
 
	EncodePng
image

contents
7
EncodeProto
sizes
values2Tinput_types
bytes
/
	EncodeWav
audio
sample_rate

contents
í
'EnqueueTPUEmbeddingArbitraryTensorBatch!
sample_indices_or_row_splits*N
embedding_indices*N
aggregation_weights*N
mode_overrideà
:
EnqueueTPUEmbeddingBatch

batch*N
mode_overrideà
A
EnqueueTPUEmbeddingIntegerBatch

batch*N
mode_overrideà
Ä
$EnqueueTPUEmbeddingRaggedTensorBatch
sample_splits*N
embedding_indices*N
aggregation_weights*N
mode_overrideà
{
EnqueueTPUEmbeddingSparseBatch
sample_indices*N
embedding_indices*N
aggregation_weights*N
mode_overrideà
Å
$EnqueueTPUEmbeddingSparseTensorBatch
sample_indices*N
embedding_indices*N
aggregation_weights*N
mode_overrideà
 
EnsureShape
input
output

Enter
data
output

Equal
x
y
z

Erf
x
y

Erfc
x
y

Erfinv
x
y
7
EuclideanNorm
input
reduction_indices
output
4
ExecuteTPUEmbeddingPartitioner
common_configà

Exit
data
output

Exp
x
y
&

ExpandDims
input
dim
output
M
ExperimentalAssertNextDataset
input_dataset
transformations
handle
Q
ExperimentalAutoShardDataset
input_dataset
num_workers
index
handle
I
%ExperimentalBytesProducedStatsDataset
input_dataset
tag
handle
Ω
ExperimentalCSVDataset
	filenames
compression_type
buffer_size
header
field_delim
use_quote_delim

na_value
select_cols
record_defaults2output_types
handleà
A
 ExperimentalChooseFastestDataset
input_datasets*N
handle
@
ExperimentalDatasetCardinality
input_dataset
cardinality
S
ExperimentalDatasetToTFRecord
input_dataset

filename
compression_typeà
]
%ExperimentalDenseToSparseBatchDataset
input_dataset

batch_size
	row_shape
handle
e
%ExperimentalDirectedInterleaveDataset
selector_input_dataset
data_input_datasets*N
handle
Ø
!ExperimentalGroupByReducerDataset
input_dataset5
key_func_other_arguments2Tkey_func_other_arguments7
init_func_other_arguments2Tinit_func_other_arguments;
reduce_func_other_arguments2Treduce_func_other_arguments?
finalize_func_other_arguments2Tfinalize_func_other_arguments
handleà
¯
 ExperimentalGroupByWindowDataset
input_dataset5
key_func_other_arguments2Tkey_func_other_arguments;
reduce_func_other_arguments2Treduce_func_other_argumentsE
 window_size_func_other_arguments2!Twindow_size_func_other_arguments
handle
<
ExperimentalIgnoreErrorsDataset
input_dataset
handle
8
ExperimentalIteratorGetDevice

resource
deviceà
3
ExperimentalLMDBDataset
	filenames
handleà
C
ExperimentalLatencyStatsDataset
input_dataset
tag
handle
ê
ExperimentalMapAndBatchDataset
input_dataset
other_arguments2
Targuments

batch_size
num_parallel_calls
drop_remainder
handle
R
ExperimentalMapDataset
input_dataset
other_arguments2
Targuments
handle
;
 ExperimentalMatchingFilesDataset

patterns
handleà
a
(ExperimentalMaxIntraOpParallelismDataset
input_dataset
max_intra_op_parallelism
handle
?
"ExperimentalNonSerializableDataset
input_dataset
handle
¿
%ExperimentalParallelInterleaveDataset
input_dataset
other_arguments2
Targuments
cycle_length
block_length
sloppy
buffer_output_elements
prefetch_input_elements
handle
l
ExperimentalParseExampleDataset
input_dataset
num_parallel_calls
dense_defaults2Tdense
handle
P
$ExperimentalPrivateThreadPoolDataset
input_dataset
num_threads
handle
9
ExperimentalRandomDataset
seed
seed2
handleà
G
ExperimentalRebatchDataset
input_dataset
num_replicas
handle
l
ExperimentalScanDataset
input_dataset
initial_state2Tstate
other_arguments2
Targuments
handle
r
%ExperimentalSetStatsAggregatorDataset
input_dataset
stats_aggregator
tag
counter_prefix
handleà
K
ExperimentalSleepDataset
input_dataset
sleep_microseconds
handle
m
 ExperimentalSlidingWindowDataset
input_dataset
window_size
window_shift
window_stride
handle
Q
ExperimentalSqlDataset
driver_name
data_source_name
query
handleà
0
!ExperimentalStatsAggregatorHandle
handleà
>
"ExperimentalStatsAggregatorSummary

iterator	
summaryà
X
ExperimentalTakeWhileDataset
input_dataset
other_arguments2
Targuments
handle
L
ExperimentalThreadPoolDataset
input_dataset
thread_pool
handleà
+
ExperimentalThreadPoolHandle
handleà
7
ExperimentalUnbatchDataset
input_dataset
handle
6
ExperimentalUniqueDataset
input_dataset
handle

Expint
x
y

Expm1
x
y
7
ExtractGlimpse
input
size	
offsets	
glimpse
9
ExtractGlimpseV2
input
size	
offsets	
glimpse
*
ExtractImagePatches
images	
patches
-
ExtractJpegShape

contents
image_shape
*
ExtractVolumePatches
input	
patches

FFT
input
output

FFT2D
input
output

FFT3D
input
output
0
FFTND
input

fft_length
axes
output

	FIFOQueue
handleÄà

FIFOQueueV2
handleà

Fact
fact

	FakeParam
output
.
FakeQuantWithMinMaxArgs
inputs	
outputs
E
FakeQuantWithMinMaxArgsGradient
	gradients
inputs
	backprops
<
FakeQuantWithMinMaxVars
inputs
min
max	
outputs
Ö
FakeQuantWithMinMaxVarsGradient
	gradients
inputs
min
max
backprops_wrt_input
backprop_wrt_min
backprop_wrt_max
F
!FakeQuantWithMinMaxVarsPerChannel
inputs
min
max	
outputs
è
)FakeQuantWithMinMaxVarsPerChannelGradient
	gradients
inputs
min
max
backprops_wrt_input
backprop_wrt_min
backprop_wrt_max
'
	FakeQueue

resource
handleÄà
9
FileSystemSetConfiguration
scheme
key
valueà
!
Fill
dims
value
output
9
FilterByLastComponentDataset
input_dataset
output
I
FilterDataset
input_dataset
other_arguments2
Targuments
handle
,
FinalizeDataset
input_dataset
handle
;
FinalizeTPUEmbedding
common_config
memory_configà
k
FinalizeTPUEmbeddingV2
common_config
memory_config
embedding_partitions
hbm_buffers_configà
.
Fingerprint
data
method
fingerprint
s
FixedLengthRecordDataset
	filenames
header_bytes
record_bytes
footer_bytes
buffer_size
handleà
â
FixedLengthRecordDatasetV2
	filenames
header_bytes
record_bytes
footer_bytes
buffer_size
compression_type
handleà
0
FixedLengthRecordReader
reader_handleÄà
/
FixedLengthRecordReaderV2
reader_handleà
x
FixedUnigramCandidateSampler
true_classes
sampled_candidates
true_expected_count
sampled_expected_countà
J
FlatMapDataset
input_dataset
other_arguments2
Targuments
handle

Floor
x
y

FloorDiv
x
y
z

FloorMod
x
y
z
!
FlushSummaryWriter
writerà
9
For
start
limit
delta

input2T
output2T
V
FractionalAvgPool
value
output
row_pooling_sequence
col_pooling_sequence
|
FractionalAvgPoolGrad
orig_input_tensor_shape
out_backprop
row_pooling_sequence
col_pooling_sequence
output
V
FractionalMaxPool
value
output
row_pooling_sequence
col_pooling_sequence
~
FractionalMaxPoolGrad

orig_input
orig_output
out_backprop
row_pooling_sequence
col_pooling_sequence
output


FresnelCos
x
y


FresnelSin
x
y
á
FusedBatchNorm
x
scale
offset
mean

variance
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
Ø
FusedBatchNormGrad

y_backprop
x
scale
reserve_space_1
reserve_space_2

x_backprop
scale_backprop
offset_backprop
reserve_space_3
reserve_space_4
±
FusedBatchNormGradV2

y_backprop
x
scale
reserve_space_1
reserve_space_2

x_backprop
scale_backprop
offset_backprop
reserve_space_3
reserve_space_4
ƒ
FusedBatchNormGradV3

y_backprop
x
scale
reserve_space_1
reserve_space_2
reserve_space_3

x_backprop
scale_backprop
offset_backprop
reserve_space_4
reserve_space_5
â
FusedBatchNormV2
x
scale
offset
mean

variance
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
ú
FusedBatchNormV3
x
scale
offset
mean

variance
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
reserve_space_3
9
FusedPadConv2D
input

paddings
filter
output
J
FusedResizeAndPadConv2D
input
size

paddings
filter
output
O
GRUBlockCell
x
h_prev
w_ru
w_c
b_ru
b_c
r
u
c
h
Ñ
GRUBlockCellGrad
x
h_prev
w_ru
w_c
b_ru
b_c
r
u
c
d_h
d_x

d_h_prev	
d_c_bar
d_r_bar_u_bar
'
Gather
params	
indices
output
)
GatherNd
params	
indices
output
1
GatherV2
params	
indices
axis
output
ö
GenerateBoundingBoxProposals
scores
bbox_deltas

image_info	
anchors
nms_threshold
pre_nms_topn

min_size
rois
roi_probabilities
X
GenerateVocabRemapping
new_vocab_file
old_vocab_file
	remapping
num_present
¢
GeneratorDataset'
init_func_other_args2Tinit_func_args'
next_func_other_args2Tnext_func_args/
finalize_func_other_args2Tfinalize_func_args
handleà
C
GetElementAtIndex	
dataset
index

components2output_types
Ω
%GetMinibatchSplitsWithPhysicalReplica
program_key	
row_ids	
col_ids
gains
sorted_row_ids
sorted_col_ids
sorted_gains
splits
	id_counts	
max_ids
max_uniquesà
ò
&GetMinibatchesInCsrWithPhysicalReplica
program_key	
row_ids	
col_ids
gains
splits
	id_counts
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
row_pointers_unpadded_size
ids_unpadded_size*
(num_minibatches_per_physical_sparse_coreà
3

GetOptions
input_dataset
serialized_options
(
GetSessionHandle
value
handleà
*
GetSessionHandleV2
value
handleà
(
GetSessionTensor
handle
valueà
ú
&GetStatsFromListOfSparseCoreCooTensors
row_ids_list*N
col_ids_list*N

gains_list*N
max_ids_per_sparse_core 
max_unique_ids_per_sparse_core

GetTpuTaskId
tpu_task_id

GlobalIterId	
iter_idà
W
GlobalShuffleDataset
input_dataset
seed
seed2
seed_generator
handleà

Greater
x
y
z

GreaterEqual
x
y
z
£
GroupByReducerDataset
input_dataset5
key_func_other_arguments2Tkey_func_other_arguments7
init_func_other_arguments2Tinit_func_other_arguments;
reduce_func_other_arguments2Treduce_func_other_arguments?
finalize_func_other_arguments2Tfinalize_func_other_arguments
handleà
Ï
GroupByWindowDataset
input_dataset5
key_func_other_arguments2Tkey_func_other_arguments;
reduce_func_other_arguments2Treduce_func_other_argumentsE
 window_size_func_other_arguments2!Twindow_size_func_other_arguments
handle
&
GuaranteeConst
input
outputà

HSVToRGB
images
output
!
	HashTable
table_handleÄà
 
HashTableV2
table_handleà
>
HistogramFixedWidth
values
value_range
nbins
out
.
HistogramSummary
tag
values	
summary

	HostConst
output

IFFT
input
output

IFFT2D
input
output

IFFT3D
input
output
1
IFFTND
input

fft_length
axes
output
(
IRFFT
input

fft_length
output
*
IRFFT2D
input

fft_length
output
*
IRFFT3D
input

fft_length
output
2
IRFFTND
input

fft_length
axes
output

Identity
input
output
$
	IdentityN

input2T
output2T
'
IdentityReader
reader_handleÄà
&
IdentityReaderV2
reader_handleà
-
If
cond
input2Tin
output2Toutà

Igamma
a
x
z

IgammaGradA
a
x
z

Igammac
a
x
z
0
IgnoreErrorsDataset
input_dataset
handle

Imag
input
output
Z
ImageProjectiveTransformV2
images

transforms
output_shape
transformed_images
h
ImageProjectiveTransformV3
images

transforms
output_shape

fill_value
transformed_images
*
ImageSummary
tag
tensor	
summary

ImmutableConst
tensor
#
ImportEvent
writer
eventà
/
InTopK
predictions	
targets
	precision
6
InTopKV2
predictions	
targets
k
	precision
†
IndexFlatMapDataset
input_dataset%
map_func_other_args2Tmap_func_args1
index_map_func_other_args2Tindex_map_func_args
output_cardinality
handle

InfeedDequeue
outputà
*
InfeedDequeueTuple
outputs2dtypesà

InfeedEnqueue
inputà
+
 InfeedEnqueuePrelinearizedBuffer
input
)
InfeedEnqueueTuple
inputs2dtypesà
6
InitializeTable
table_handleÄ
keys
values
:
InitializeTableFromDataset
table_handle	
datasetà
<
InitializeTableFromTextFile
table_handleÄ

filename
>
InitializeTableFromTextFileV2
table_handle

filenameà
8
InitializeTableV2
table_handle
keys
valuesà
 

InplaceAdd
x
i
v
y
 

InplaceSub
x
i
v
y
#
InplaceUpdate
x
i
v
y
m
InterleaveDataset
input_dataset
other_arguments2
Targuments
cycle_length
block_length
handle

Inv
x
y

InvGrad
y
dy
z

Invert
x
y

InvertPermutation
x
y
P
!IsBoostedTreesEnsembleInitialized
tree_ensemble_handle
is_initializedà
i
/IsBoostedTreesQuantileStreamResourceInitialized!
quantile_stream_resource_handle
is_initializedà

IsFinite
x
y

IsInf
x
y

IsNan
x
y
>
IsTPUEmbeddingInitialized
is_tpu_embedding_initializedà
3
IsVariableInitialized
refÄ
is_initialized
3
IsotonicRegression
input
output

segments

Iterator
handleà
A
IteratorFromStringHandle
string_handle
resource_handleà
C
IteratorFromStringHandleV2
string_handle
resource_handleà
,
IteratorGetDevice

resource
deviceà
5
IteratorGetModelProto

iterator
model_protoà
<
IteratorGetNext

iterator

components2output_typesà
6
IteratorGetNextAsOptional

iterator

optionalà
@
IteratorGetNextSync

iterator

components2output_typesà
?
IteratorToStringHandle
resource_handle
string_handleà


IteratorV2
handleà
7
KMC2ChainInitialization
	distances
seed
index
f
KmeansPlusPlusInitialization
points
num_to_sample
seed
num_retries_per_sample	
samples
&
KthOrderStatistic
input
output

L2Loss
t
output
'
LMDBDataset
	filenames
handleà
#

LMDBReader
reader_handleÄà

LRN
input
output
A
LRNGrad
input_grads
input_image
output_image
output
n
LSTMBlockCell
x	
cs_prev
h_prev
w
wci
wcf
wco
b
i
cs
f
o
ci
co
h
ø
LSTMBlockCellGrad
x	
cs_prev
h_prev
w
wci
wcf
wco
b
i
cs
f
o
ci
co	
cs_grad
h_grad
cs_prev_grad
dicfo

wci_grad

wcf_grad

wco_grad
7
LatencyStatsDataset
input_dataset
tag
handle
&
	LeakyRelu

features
activations
5
LeakyReluGrad
	gradients

features
	backprops
z
LearnedUnigramCandidateSampler
true_classes
sampled_candidates
true_expected_count
sampled_expected_countà

	LeftShift
x
y
z
≤
!LegacyParallelInterleaveDatasetV2
input_dataset
other_arguments2
Targuments
cycle_length
block_length
buffer_output_elements
prefetch_input_elements
handle

Less
x
y
z

	LessEqual
x
y
z

Lgamma
x
y
,
LinSpace
start
stop
num
output
3
ListDataset
tensors2Tinput_types
handleà
"
ListDiff
x
y
out
idx
9
ListSnapshotChunksDataset
snapshot_path
handleà
Í
LoadAllTPUEmbeddingParameters

parameters*	NumTables

auxiliary1*	NumTables

auxiliary2*	NumTables

auxiliary3*	NumTables

auxiliary4*	NumTables

auxiliary5*	NumTables

auxiliary6*	NumTables

auxiliary7*	NumTablesà
Å
LoadAndRemapMatrix
	ckpt_path
old_tensor_name
row_remapping
col_remapping
initializing_values
output_matrixà
O
LoadDataset
path+
reader_func_other_args2Treader_func_args
handleà
J
LoadTPUEmbeddingADAMParameters

parameters	
momenta

velocitiesà
P
"LoadTPUEmbeddingAdadeltaParameters

parameters
accumulators	
updatesà
W
)LoadTPUEmbeddingAdagradMomentumParameters

parameters
accumulators	
momentaà
D
!LoadTPUEmbeddingAdagradParameters

parameters
accumulatorsà
O
)LoadTPUEmbeddingCenteredRMSPropParameters

parameters
ms
mom
mgà
L
LoadTPUEmbeddingFTRLParameters

parameters
accumulators	
linearsà
P
,LoadTPUEmbeddingFrequencyEstimatorParameters

parameters
last_hit_stepà
c
)LoadTPUEmbeddingMDLAdagradLightParameters

parameters
accumulators	
weights

benefitsà
@
"LoadTPUEmbeddingMomentumParameters

parameters	
momentaà
L
)LoadTPUEmbeddingProximalAdagradParameters

parameters
accumulatorsà
C
&LoadTPUEmbeddingProximalYogiParameters

parameters
v
mà
A
!LoadTPUEmbeddingRMSPropParameters

parameters
ms
momà
F
3LoadTPUEmbeddingStochasticGradientDescentParameters

parametersà

Log
x
y

Log1p
x
y
>
LogMatrixDeterminant
input
sign
log_abs_determinant
$

LogSoftmax
logits

logsoftmax
v
LogUniformCandidateSampler
true_classes
sampled_candidates
true_expected_count
sampled_expected_countà


LogicalAnd
x
y
z


LogicalNot
x
y

	LogicalOr
x
y
z
8
LookupTableExport
table_handleÄ
keys
values
:
LookupTableExportV2
table_handle
keys
valuesà
G
LookupTableFind
table_handleÄ
keys
default_value
values
I
LookupTableFindV2
table_handle
keys
default_value
valuesà
8
LookupTableImport
table_handleÄ
keys
values
:
LookupTableImportV2
table_handle
keys
valuesà
8
LookupTableInsert
table_handleÄ
keys
values
:
LookupTableInsertV2
table_handle
keys
valuesà
0
LookupTableRemoveV2
table_handle
keysà
,
LookupTableSize
table_handleÄ
size
.
LookupTableSizeV2
table_handle
sizeà

LoopCond
input
output
1

LowerBound
sorted_inputs
values
output

Lu
input
lu
p
(
MakeIterator	
dataset

iteratorà


MakeUnique
input
output
Ñ
MapAndBatchDataset
input_dataset
other_arguments2
Targuments

batch_size
num_parallel_calls
drop_remainder
handle

MapClearà
F

MapDataset
input_dataset
other_arguments2
Targuments
handle
Y
MapDefun
	arguments2
Targuments
captured_inputs2	Tcaptured
output2output_types

MapIncompleteSize
sizeà
0
MapPeek
key	
indices
values2dtypesà

MapSize
sizeà
6
MapStage
key	
indices
values2fake_dtypesà
3

MapUnstage
key	
indices
values2dtypesà
8
MapUnstageNoKey	
indices
key
values2dtypesà

MatMul
a
b	
product
'
MatchingFiles	
pattern
	filenames
/
MatchingFilesDataset

patterns
handleà
;
MatrixBandPart
input
	num_lower
	num_upper
band
&
MatrixDeterminant
input
output
"

MatrixDiag

diagonal
output
%
MatrixDiagPart
input

diagonal
=
MatrixDiagPartV2
input
k
padding_value

diagonal
=
MatrixDiagPartV3
input
k
padding_value

diagonal
R
MatrixDiagV2

diagonal
k

num_rows

num_cols
padding_value
output
R
MatrixDiagV3

diagonal
k

num_rows

num_cols
padding_value
output
&
MatrixExponential
input
output
"
MatrixInverse
input
output
$
MatrixLogarithm
input
output
.
MatrixSetDiag
input

diagonal
output
5
MatrixSetDiagV2
input

diagonal
k
output
5
MatrixSetDiagV3
input

diagonal
k
output
(
MatrixSolve
matrix
rhs
output
<
MatrixSolveLs
matrix
rhs
l2_regularizer
output
%
MatrixSquareRoot
input
output
2
MatrixTriangularSolve
matrix
rhs
output
-
Max
input
reduction_indices
output
U
MaxIntraOpParallelismDataset
input_dataset
max_intra_op_parallelism
handle

MaxPool
input
output

	MaxPool3D
input
output
>
MaxPool3DGrad

orig_input
orig_output
grad
output
B
MaxPool3DGradGrad

orig_input
orig_output
grad
output
<
MaxPoolGrad

orig_input
orig_output
grad
output
@
MaxPoolGradGrad

orig_input
orig_output
grad
output
V
MaxPoolGradGradV2

orig_input
orig_output
grad
ksize	
strides
output
@
MaxPoolGradGradWithArgmax
input
grad
argmax
output
R
MaxPoolGradV2

orig_input
orig_output
grad
ksize	
strides
output
<
MaxPoolGradWithArgmax
input
grad
argmax
output
2
	MaxPoolV2
input
ksize	
strides
output
0
MaxPoolWithArgmax
input
output
argmax

Maximum
x
y
z
.
Mean
input
reduction_indices
output
-
Merge
inputs*N
output
value_index
<
MergeDedupData
integer_tensor
float_tensor
output
&
MergeSummary
inputs*N	
summary
D
MergeV2Checkpoints
checkpoint_prefixes
destination_prefixà
.
Mfcc
spectrogram
sample_rate
output
-
Min
input
reduction_indices
output

Minimum
x
y
z
*
	MirrorPad
input

paddings
output
.
MirrorPadGrad
input

paddings
output
;
MlirPassthroughOp
inputs2Tinputs
outputs2Toutputs

Mod
x
y
z
)
ModelDataset
input_dataset
handle

Mul
x
y
z

MulNoNan
x
y
z
"
MultiDeviceIterator
handleà
R
#MultiDeviceIteratorFromStringHandle
string_handle
multi_device_iteratorà
|
#MultiDeviceIteratorGetNextFromShard
multi_device_iterator
	shard_num
incarnation_id

components2output_typesà
e
MultiDeviceIteratorInit	
dataset
multi_device_iterator
max_buffer_size
incarnation_idà
P
!MultiDeviceIteratorToStringHandle
multi_device_iterator
string_handleà
3
Multinomial
logits
num_samples
outputà
:
MutableDenseHashTable
	empty_key
table_handleÄà
H
MutableDenseHashTableV2
	empty_key
deleted_key
table_handleà
(
MutableHashTable
table_handleÄà
1
MutableHashTableOfTensors
table_handleÄà
0
MutableHashTableOfTensorsV2
table_handleà
'
MutableHashTableV2
table_handleà
%
	MutexLock
mutex

mutex_lockà

MutexV2

resourceà
#
NcclAllReduce
input
dataà
%
NcclBroadcast
input
outputà
-

NcclReduce
input*num_devices
dataà

Ndtri
x
y
b
NearestNeighbors
points	
centers
k
nearest_center_indices
nearest_center_distances

Neg
x
y
@
NegTrain	
w_inÄ

w_outÄ

examples
labels
lrà
!
	NextAfter
x1
x2
output
!
NextIteration
data
output

NoOp
,
NonDeterministicInts
shape
outputà
M
NonMaxSuppression
boxes
scores
max_output_size
selected_indices
`
NonMaxSuppressionV2
boxes
scores
max_output_size
iou_threshold
selected_indices
s
NonMaxSuppressionV3
boxes
scores
max_output_size
iou_threshold
score_threshold
selected_indices
Ñ
NonMaxSuppressionV4
boxes
scores
max_output_size
iou_threshold
score_threshold
selected_indices
valid_outputs
©
NonMaxSuppressionV5
boxes
scores
max_output_size
iou_threshold
score_threshold
soft_nms_sigma
selected_indices
selected_scores
valid_outputs
Ñ
NonMaxSuppressionWithOverlaps

overlaps
scores
max_output_size
overlap_threshold
score_threshold
selected_indices
3
NonSerializableDataset
input_dataset
handle

NotEqual
x
y
z
$

NthElement
input
n
values
?
OneHot	
indices
depth

on_value
	off_value
output

OneShotIterator
handleà

OnesLike
x
y
=
OptimizeDataset
input_dataset
optimizations
handle
z
OptimizeDatasetV2
input_dataset
optimizations_enabled
optimizations_disabled
optimizations_default
handle
<
OptionalFromValue

components2Toutput_types

optional
:
OptionalGetValue

optional

components2output_types
+
OptionalHasValue

optional
	has_value

OptionalNone

optional
+
OptionsDataset
input_dataset
handle

OrderedMapClearà
%
OrderedMapIncompleteSize
sizeà
7
OrderedMapPeek
key	
indices
values2dtypesà

OrderedMapSize
sizeà
=
OrderedMapStage
key	
indices
values2fake_dtypesà
:
OrderedMapUnstage
key	
indices
values2dtypesà
?
OrderedMapUnstageNoKey	
indices
key
values2dtypesà

OutfeedDequeue
outputà
+
OutfeedDequeueTuple
outputs2dtypesà
?
OutfeedDequeueTupleV2
device_ordinal
outputs2dtypesà
1
OutfeedDequeueV2
device_ordinal
outputà

OutfeedEnqueue
inputà
*
OutfeedEnqueueTuple
inputs2dtypesà

Pack
values*N
output
$
Pad
input

paddings
output
9
PadV2
input

paddings
constant_values
output
r
PaddedBatchDataset
input_dataset

batch_size
padded_shapes*N
padding_values2Toutput_types
handle
Ü
PaddedBatchDatasetV2
input_dataset

batch_size
padded_shapes*N
padding_values2Toutput_types
drop_remainder
handle
"
PaddingFIFOQueue
handleÄà
!
PaddingFIFOQueueV2
handleà
g
ParallelBatchDataset
input_dataset

batch_size
num_parallel_calls
drop_remainder
handle
'
ParallelConcat
values*N
output
:
ParallelDynamicStitch
indices*N	
data*N
merged
g
ParallelFilterDataset
input_dataset
other_arguments2
Targuments
num_parallel_calls
handle
¥
ParallelInterleaveDataset
input_dataset
other_arguments2
Targuments
cycle_length
block_length
sloppy
buffer_output_elements
prefetch_input_elements
handle
ç
ParallelInterleaveDatasetV2
input_dataset
other_arguments2
Targuments
cycle_length
block_length
num_parallel_calls
handle
ç
ParallelInterleaveDatasetV3
input_dataset
other_arguments2
Targuments
cycle_length
block_length
num_parallel_calls
handle
¬
ParallelInterleaveDatasetV4
input_dataset
other_arguments2
Targuments
cycle_length
block_length
buffer_output_elements
prefetch_input_elements
num_parallel_calls
handle
d
ParallelMapDataset
input_dataset
other_arguments2
Targuments
num_parallel_calls
handle
f
ParallelMapDatasetV2
input_dataset
other_arguments2
Targuments
num_parallel_calls
handle
]
ParameterizedTruncatedNormal
shape
means
stdevs	
minvals	
maxvals
outputà
Ÿ
ParseExample

serialized
names
sparse_keys*Nsparse

dense_keys*Ndense
dense_defaults2Tdense
sparse_indices*Nsparse
sparse_values2sparse_types
sparse_shapes*Nsparse
dense_values2Tdense
`
ParseExampleDataset
input_dataset
num_parallel_calls
dense_defaults2Tdense
handle
b
ParseExampleDatasetV2
input_dataset
num_parallel_calls
dense_defaults2Tdense
handle
≠
ParseExampleV2

serialized
names
sparse_keys

dense_keys
ragged_keys
dense_defaults2Tdense
sparse_indices*
num_sparse
sparse_values2sparse_types
sparse_shapes*
num_sparse
dense_values2Tdense#
ragged_values2ragged_value_types'
ragged_row_splits2ragged_split_types
î
ParseSequenceExample

serialized

debug_name(
context_dense_defaults2Tcontext_dense)
context_sparse_indices*Ncontext_sparse-
context_sparse_values2context_sparse_types(
context_sparse_shapes*Ncontext_sparse&
context_dense_values2Tcontext_dense3
feature_list_sparse_indices*Nfeature_list_sparse7
feature_list_sparse_values2feature_list_sparse_types2
feature_list_sparse_shapes*Nfeature_list_sparse5
feature_list_dense_values2feature_list_dense_types1
feature_list_dense_lengths*Nfeature_list_dense
ê
ParseSequenceExampleV2

serialized

debug_name
context_sparse_keys
context_dense_keys
context_ragged_keys
feature_list_sparse_keys
feature_list_dense_keys
feature_list_ragged_keys*
(feature_list_dense_missing_assumed_empty(
context_dense_defaults2Tcontext_dense)
context_sparse_indices*Ncontext_sparse-
context_sparse_values2context_sparse_types(
context_sparse_shapes*Ncontext_sparse&
context_dense_values2Tcontext_dense3
context_ragged_values2context_ragged_value_types7
context_ragged_row_splits2context_ragged_split_types3
feature_list_sparse_indices*Nfeature_list_sparse7
feature_list_sparse_values2feature_list_sparse_types2
feature_list_sparse_shapes*Nfeature_list_sparse5
feature_list_dense_values2feature_list_dense_types1
feature_list_dense_lengths*Nfeature_list_dense=
feature_list_ragged_values2feature_list_ragged_value_typesC
 feature_list_ragged_outer_splits2feature_list_ragged_split_typesC
 feature_list_ragged_inner_splits2feature_list_ragged_split_types
Æ
ParseSingleExample

serialized
dense_defaults2Tdense
sparse_indices*
num_sparse
sparse_values2sparse_types
sparse_shapes*
num_sparse
dense_values2Tdense
√
ParseSingleSequenceExample

serialized*
(feature_list_dense_missing_assumed_empty&
context_sparse_keys*Ncontext_sparse$
context_dense_keys*Ncontext_dense0
feature_list_sparse_keys*Nfeature_list_sparse.
feature_list_dense_keys*Nfeature_list_dense(
context_dense_defaults2Tcontext_dense

debug_name)
context_sparse_indices*Ncontext_sparse-
context_sparse_values2context_sparse_types(
context_sparse_shapes*Ncontext_sparse&
context_dense_values2Tcontext_dense3
feature_list_sparse_indices*Nfeature_list_sparse7
feature_list_sparse_values2feature_list_sparse_types2
feature_list_sparse_shapes*Nfeature_list_sparse5
feature_list_dense_values2feature_list_dense_types
%
ParseTensor

serialized
output
.
PartitionedCall
args2Tin
output2Tout

Placeholder
output

PlaceholderV2
output
+
PlaceholderWithDefault
input
output

	Polygamma
a
x
z

PopulationCount
x
y

Pow
x
y
z
;
PrefetchDataset
input_dataset
buffer_size
handle
!
Prelinearize
input
output
/
PrelinearizeTuple
inputs2dtypes
output
$
PreventGradient
input
output
(
Print
input	
data2U
outputà

PrintV2
inputà

PriorityQueue
handleÄà

PriorityQueueV2
handleà
D
PrivateThreadPoolDataset
input_dataset
num_threads
handle
.
Prod
input
reduction_indices
output
)
PyFunc
input2Tin
output2Toutà
/
PyFuncStateless
input2Tin
output2Tout

Qr
input
q
r
*
QuantizeAndDequantize
input
output
F
QuantizeAndDequantizeV2
input
	input_min
	input_max
output
R
QuantizeAndDequantizeV3
input
	input_min
	input_max

num_bits
output
F
QuantizeAndDequantizeV4
input
	input_min
	input_max
output
ã
QuantizeAndDequantizeV4Grad
	gradients
input
	input_min
	input_max
input_backprop
input_min_backprop
input_max_backprop
e
QuantizeDownAndShrinkRange
input
	input_min
	input_max
output

output_min

output_max
U

QuantizeV2
input
	min_range
	max_range
output

output_min

output_max
S
QuantizedAdd
x
y
min_x
max_x
min_y
max_y
z
min_z
max_z
[
QuantizedAvgPool
input
	min_input
	max_input
output

min_output

max_output
Ÿ
)QuantizedBatchNormWithGlobalNormalization
t
t_min
t_max
m
m_min
m_max
v
v_min
v_max
beta

beta_min

beta_max
gamma
	gamma_min
	gamma_max
result

result_min

result_max
u
QuantizedBiasAdd
input
bias
	min_input
	max_input

min_bias

max_bias
output	
min_out	
max_out
u
QuantizedConcat

concat_dim
values*N

input_mins*N
input_maxes*N
output

output_min

output_max
q
QuantizedConcatV2
values*N
axis

input_mins*N
input_maxes*N
output

output_min

output_max
Ä
QuantizedConv2D
input
filter
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
á
QuantizedConv2DAndRelu
input
filter
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
¿
#QuantizedConv2DAndReluAndRequantize
input
filter
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output

min_output

max_output
π
QuantizedConv2DAndRequantize
input
filter
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output

min_output

max_output
ä
QuantizedConv2DPerChannel
input
filter
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
ê
QuantizedConv2DWithBias
input
filter
bias
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
ó
QuantizedConv2DWithBiasAndRelu
input
filter
bias
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
–
+QuantizedConv2DWithBiasAndReluAndRequantize
input
filter
bias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output

min_output

max_output
…
$QuantizedConv2DWithBiasAndRequantize
input
filter
bias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output

min_output

max_output
Ç
4QuantizedConv2DWithBiasSignedSumAndReluAndRequantize
input
filter
bias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output	
summand
min_summand
max_summand
output

min_output

max_output
•
!QuantizedConv2DWithBiasSumAndRelu
input
filter
bias
	min_input
	max_input

min_filter

max_filter	
summand
output

min_output

max_output
¸
.QuantizedConv2DWithBiasSumAndReluAndRequantize
input
filter
bias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output	
summand
min_summand
max_summand
output

min_output

max_output
â
QuantizedDepthwiseConv2D
input
filter
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
ô
 QuantizedDepthwiseConv2DWithBias
input
filter
bias
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
†
'QuantizedDepthwiseConv2DWithBiasAndRelu
input
filter
bias
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
Ÿ
4QuantizedDepthwiseConv2DWithBiasAndReluAndRequantize
input
filter
bias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output

min_output

max_output
E
QuantizedInstanceNorm
x
x_min
x_max
y
y_min
y_max
\
QuantizedMatMul
a
b
min_a
max_a
min_b
max_b
out	
min_out	
max_out
l
QuantizedMatMulWithBias
a
b
bias
min_a
max_a
min_b
max_b
out	
min_out	
max_out
è
$QuantizedMatMulWithBiasAndDequantize
a
b
bias
min_a
max_a
min_b
max_b
min_freezed_output
max_freezed_output
out
s
QuantizedMatMulWithBiasAndRelu
a
b
bias
min_a
max_a
min_b
max_b
out	
min_out	
max_out
¨
+QuantizedMatMulWithBiasAndReluAndRequantize
a
b
bias
min_a
max_a
min_b
max_b
min_freezed_output
max_freezed_output
out	
min_out	
max_out
•
$QuantizedMatMulWithBiasAndRequantize
a
b
bias
min_a
max_a
min_b
max_b
min_freezed_output
max_freezed_output
out	
min_out	
max_out
[
QuantizedMaxPool
input
	min_input
	max_input
output

min_output

max_output
S
QuantizedMul
x
y
min_x
max_x
min_y
max_y
z
min_z
max_z
p
QuantizedRelu

features
min_features
max_features
activations
min_activations
max_activations
q
QuantizedRelu6

features
min_features
max_features
activations
min_activations
max_activations
~
QuantizedReluX

features
	max_value
min_features
max_features
activations
min_activations
max_activations
e
QuantizedReshape
tensor
shape
	input_min
	input_max
output

output_min

output_max
a
QuantizedResizeBilinear
images
size
min
max
resized_images	
out_min	
out_max


QueueClose
handleÄ

QueueCloseV2
handleà
:
QueueDequeue
handleÄ

components2component_types
C
QueueDequeueMany
handleÄ
n

components2component_types
E
QueueDequeueManyV2
handle
n

components2component_typesà
C
QueueDequeueUpTo
handleÄ
n

components2component_types
E
QueueDequeueUpToV2
handle
n

components2component_typesà
<
QueueDequeueV2
handle

components2component_typesà
6
QueueEnqueue
handleÄ

components2Tcomponents
:
QueueEnqueueMany
handleÄ

components2Tcomponents
<
QueueEnqueueManyV2
handle

components2Tcomponentsà
8
QueueEnqueueV2
handle

components2Tcomponentsà
)
QueueIsClosed
handleÄ
	is_closed
+
QueueIsClosedV2
handle
	is_closedà
 
	QueueSize
handleÄ
size
"
QueueSizeV2
handle
sizeà
'
RFFT
input

fft_length
output
)
RFFT2D
input

fft_length
output
)
RFFT3D
input

fft_length
output
1
RFFTND
input

fft_length
axes
output

RGBToHSV
images
output
A
RaggedBincount
splits
values
size	
weights
output
q
RaggedCountSparseOutput
splits
values	
weights
output_indices
output_values
output_dense_shape
˙
RaggedCross$
ragged_values2ragged_values_types(
ragged_row_splits2ragged_splits_types
sparse_indices*Nsparse$
sparse_values2sparse_values_types
sparse_shape*Nsparse
dense_inputs2dense_types
output_values
output_row_splits
ù
RaggedFillEmptyRows
value_rowids
values
nrows
default_value
output_value_rowids
output_values
empty_row_indicator
reverse_index_map
\
RaggedFillEmptyRowsGrad
reverse_index_map
grad_values

d_values
d_default_value
ü
RaggedGather*
params_nested_splits*PARAMS_RAGGED_RANK
params_dense_values	
indices*
output_nested_splits*OUTPUT_RAGGED_RANK
output_dense_values
R
RaggedRange
starts
limits
deltas
rt_nested_splits
rt_dense_values
n
RaggedTensorFromVariant
encoded_ragged*
output_nested_splits*output_ragged_rank
output_dense_values
É
RaggedTensorToSparse
rt_nested_splits*RAGGED_RANK
rt_dense_values
sparse_indices
sparse_values
sparse_dense_shape
x
RaggedTensorToTensor
shape
values
default_value2
row_partition_tensors*num_row_partition_tensors
result
]
RaggedTensorToVariant
rt_nested_splits*RAGGED_RANK
rt_dense_values
encoded_ragged
o
RaggedTensorToVariantGradient
encoded_ragged_grad

row_splits
dense_values_shape
dense_values_grad
*

RandomCrop
image
size
outputà
-
RandomDataset
seed
seed2
handleà
A
RandomDatasetV2
seed
seed2
seed_generator
handleà
,
RandomGamma
shape
alpha
outputà
.
RandomGammaGrad
alpha
sample
output
<
RandomIndexShuffle
index
seed
	max_index
output
-
RandomPoisson
shape
rate
outputà
/
RandomPoissonV2
shape
rate
outputà
%
RandomShuffle
value
outputà
$
RandomShuffleQueue
handleÄà
#
RandomShuffleQueueV2
handleà
,
RandomStandardNormal
shape
outputà
%
RandomUniform
shape
outputà
<
RandomUniformInt
shape
minval
maxval
outputà
,
Range
start
limit
delta
output
4
RangeDataset
start
stop
step
handleà

Rank
input
output
"
ReadFile

filename

contents
(
ReadVariableOp

resource
valueà
5
ReadVariableXlaSplitND

resource
outputs*Nà
B
ReaderNumRecordsProduced
reader_handleÄ
records_produced
D
ReaderNumRecordsProducedV2
reader_handle
records_producedà
D
ReaderNumWorkUnitsCompleted
reader_handleÄ
units_completed
F
ReaderNumWorkUnitsCompletedV2
reader_handle
units_completedà
C

ReaderRead
reader_handleÄ
queue_handleÄ
key
value
X
ReaderReadUpTo
reader_handleÄ
queue_handleÄ
num_records
keys
values
W
ReaderReadUpToV2
reader_handle
queue_handle
num_records
keys
valuesà
B
ReaderReadV2
reader_handle
queue_handle
key
valueà
!
ReaderReset
reader_handleÄ
#
ReaderResetV2
reader_handleà
1
ReaderRestoreState
reader_handleÄ
state
3
ReaderRestoreStateV2
reader_handle
stateà
3
ReaderSerializeState
reader_handleÄ
state
5
ReaderSerializeStateV2
reader_handle
stateà

Real
input
output

RealDiv
x
y
z
;
RebatchDataset
input_dataset
num_replicas
handle
N
RebatchDatasetV2
input_dataset
batch_sizes
drop_remainder
handle


Reciprocal
x
y
 
ReciprocalGrad
y
dy
z

RecordInput	
recordsà

Recv
tensorà
8
RecvTPUEmbeddingActivations
outputs*num_outputsà
w
ReduceDataset
input_dataset
initial_state2Tstate
other_arguments2
Targuments

components2output_typesà
5

ReduceJoin
inputs
reduction_indices
output
"
RefEnter	
dataÄ
outputÄ
!
RefExit	
dataÄ
outputÄ
&
RefIdentity

inputÄ
outputÄ
6
RefMerge
inputs*NÄ
outputÄ
value_index
*
RefNextIteration	
dataÄ
outputÄ
1
	RefSelect
index
inputs*NÄ
outputÄ
C
	RefSwitch	
dataÄ
pred
output_falseÄ
output_trueÄ
.
RegexFullMatch
input	
pattern
output
7
RegexReplace
input	
pattern	
rewrite
output
A
RegisterDataset	
dataset	
address

protocol

dataset_id
C
RegisterDatasetV2	
dataset	
address

protocol

dataset_id

Relayout
input
output
1
RelayoutLike
input
layout_input
output
!
Relu

features
activations
"
Relu6

features
activations
1
	Relu6Grad
	gradients

features
	backprops
0
ReluGrad
	gradients

features
	backprops
6

RemoteCall
target
args2Tin
output2Toutà
3
RepeatDataset
input_dataset
count
handle
T
RequantizationRange
input
	input_min
	input_max

output_min

output_max
^
RequantizationRangePerChannel
input
	input_min
	input_max

output_min

output_max
Ö

Requantize
input
	input_min
	input_max
requested_output_min
requested_output_max
output

output_min

output_max
è
RequantizePerChannel
input
	input_min
	input_max
requested_output_min
requested_output_max
output

output_min

output_max
&
Reshape
tensor
shape
output
0

ResizeArea
images
size
resized_images
3
ResizeBicubic
images
size
resized_images
8
ResizeBicubicGrad
grads
original_image
output
4
ResizeBilinear
images
size
resized_images
9
ResizeBilinearGrad
grads
original_image
output
;
ResizeNearestNeighbor
images
size
resized_images
6
ResizeNearestNeighborGrad
grads
size
output
I
 ResourceAccumulatorApplyGradient
handle

local_step

gradientà
C
!ResourceAccumulatorNumAccumulated
handle
num_accumulatedà
B
 ResourceAccumulatorSetGlobalStep
handle
new_global_stepà
I
ResourceAccumulatorTakeGradient
handle
num_required	
averageà
c
ResourceApplyAdaMax
var
m
v
beta1_power
lr
beta1
beta2	
epsilon
gradà
Z
ResourceApplyAdadelta
var
accum
accum_update
lr
rho	
epsilon
gradà
7
ResourceApplyAdagrad
var
accum
lr
gradà
É
ResourceApplyAdagradDA
var
gradient_accumulator
gradient_squared_accumulator
grad
lr
l1
l2
global_stepà
D
ResourceApplyAdagradV2
var
accum
lr	
epsilon
gradà
p
ResourceApplyAdam
var
m
v
beta1_power
beta2_power
lr
beta1
beta2	
epsilon
gradà
É
ResourceApplyAdamWithAmsgrad
var
m
v
vhat
beta1_power
beta2_power
lr
beta1
beta2	
epsilon
gradà
R
ResourceApplyAddSign
var
m
lr
alpha

sign_decay
beta
gradà
g
ResourceApplyCenteredRMSProp
var
mg
ms
mom
lr
rho

momentum	
epsilon
gradà
V
ResourceApplyFtrl
var
accum
linear
grad
lr
l1
l2

lr_powerà
h
ResourceApplyFtrlV2
var
accum
linear
grad
lr
l1
l2
l2_shrinkage

lr_powerà
:
ResourceApplyGradientDescent
var
alpha
deltaà
I
ResourceApplyKerasMomentum
var
accum
lr
grad

momentumà
D
ResourceApplyMomentum
var
accum
lr
grad

momentumà
V
ResourceApplyPowerSign
var
m
lr	
logbase

sign_decay
beta
gradà
K
ResourceApplyProximalAdagrad
var
accum
lr
l1
l2
gradà
N
$ResourceApplyProximalGradientDescent
var
alpha
l1
l2
deltaà
Y
ResourceApplyRMSProp
var
ms
mom
lr
rho

momentum	
epsilon
gradà
-
ResourceConditionalAccumulator
handleà
,
ResourceCountUpTo

resource
outputà
4
ResourceGather

resource	
indices
outputà
6
ResourceGatherNd

resource	
indices
outputà
9
ResourceScatterAdd

resource	
indices	
updatesà
9
ResourceScatterDiv

resource	
indices	
updatesà
9
ResourceScatterMax

resource	
indices	
updatesà
9
ResourceScatterMin

resource	
indices	
updatesà
9
ResourceScatterMul

resource	
indices	
updatesà
6
ResourceScatterNdAdd
ref	
indices	
updatesà
6
ResourceScatterNdMax
ref	
indices	
updatesà
6
ResourceScatterNdMin
ref	
indices	
updatesà
6
ResourceScatterNdSub
ref	
indices	
updatesà
9
ResourceScatterNdUpdate
ref	
indices	
updatesà
9
ResourceScatterSub

resource	
indices	
updatesà
<
ResourceScatterUpdate

resource	
indices	
updatesà
k
ResourceSparseApplyAdadelta
var
accum
accum_update
lr
rho	
epsilon
grad	
indicesà
H
ResourceSparseApplyAdagrad
var
accum
lr
grad	
indicesà
î
ResourceSparseApplyAdagradDA
var
gradient_accumulator
gradient_squared_accumulator
grad	
indices
lr
l1
l2
global_stepà
U
ResourceSparseApplyAdagradV2
var
accum
lr	
epsilon
grad	
indicesà
x
"ResourceSparseApplyCenteredRMSProp
var
mg
ms
mom
lr
rho

momentum	
epsilon
grad	
indicesà
g
ResourceSparseApplyFtrl
var
accum
linear
grad	
indices
lr
l1
l2

lr_powerà
y
ResourceSparseApplyFtrlV2
var
accum
linear
grad	
indices
lr
l1
l2
l2_shrinkage

lr_powerà
Z
 ResourceSparseApplyKerasMomentum
var
accum
lr
grad	
indices

momentumà
U
ResourceSparseApplyMomentum
var
accum
lr
grad	
indices

momentumà
\
"ResourceSparseApplyProximalAdagrad
var
accum
lr
l1
l2
grad	
indicesà
^
*ResourceSparseApplyProximalGradientDescent
var
alpha
l1
l2
grad	
indicesà
j
ResourceSparseApplyRMSProp
var
ms
mom
lr
rho

momentum	
epsilon
grad	
indicesà
J
ResourceStridedSliceAssign
ref
begin
end	
strides
valueà
5
Restore
file_pattern
tensor_name
tensorà
M
RestoreSlice
file_pattern
tensor_name
shape_and_slice
tensorà
O
	RestoreV2
prefix
tensor_names
shape_and_slices
tensors2dtypesà
Ó
!RetrieveAllTPUEmbeddingParameters

parameters*	NumTables

auxiliary1*	NumTables

auxiliary2*	NumTables

auxiliary3*	NumTables

auxiliary4*	NumTables

auxiliary5*	NumTables

auxiliary6*	NumTables

auxiliary7*	NumTablesà
N
"RetrieveTPUEmbeddingADAMParameters

parameters	
momenta

velocitiesà
T
&RetrieveTPUEmbeddingAdadeltaParameters

parameters
accumulators	
updatesà
[
-RetrieveTPUEmbeddingAdagradMomentumParameters

parameters
accumulators	
momentaà
H
%RetrieveTPUEmbeddingAdagradParameters

parameters
accumulatorsà
S
-RetrieveTPUEmbeddingCenteredRMSPropParameters

parameters
ms
mom
mgà
P
"RetrieveTPUEmbeddingFTRLParameters

parameters
accumulators	
linearsà
T
0RetrieveTPUEmbeddingFrequencyEstimatorParameters

parameters
last_hit_stepà
g
-RetrieveTPUEmbeddingMDLAdagradLightParameters

parameters
accumulators	
weights

benefitsà
D
&RetrieveTPUEmbeddingMomentumParameters

parameters	
momentaà
P
-RetrieveTPUEmbeddingProximalAdagradParameters

parameters
accumulatorsà
G
*RetrieveTPUEmbeddingProximalYogiParameters

parameters
v
mà
E
%RetrieveTPUEmbeddingRMSPropParameters

parameters
ms
momà
J
7RetrieveTPUEmbeddingStochasticGradientDescentParameters

parametersà
%
Reverse
tensor
dims
output
3
ReverseSequence
input
seq_lengths
output
'
	ReverseV2
tensor
axis
output
;
RewriteDataset
input_dataset
rewrite_name
handle


RightShift
x
y
z

Rint
x
y

RiscAbs
x
y

RiscAdd
x
y
z
%
RiscBinaryArithmetic
x
y
z
%
RiscBinaryComparison
x
y
z

RiscBitcast
x
y
+
RiscBroadcast
input
shape
output

RiscCast
x
y

RiscCeil
x
y
!
RiscCholesky
input
output
+

RiscConcat
values*N
axis
output
>
RiscCondition
pred

input_true
input_false
output
'
RiscConv
input
filter
output

RiscCos
x
y

RiscDiv
x
y
z

RiscDot
a
b	
product

RiscExp
x
y

RiscFft
input
output

	RiscFloor
x
y
3

RiscGather
params	
indices
axis
output

RiscImag
input
output

RiscIsFinite
x
y

RiscLog
x
y

RiscLogicalAnd
x
y
z

RiscLogicalNot
x
z

RiscLogicalOr
x
y
z

RiscMax
x
y
max

RiscMin
x
y
z

RiscMul
x
y
z

RiscNeg
x
y
;
RiscPad
input

paddings
constant_values
output

RiscPool
value
output

RiscPow
x
y
z
&
RiscRandomUniform
shape
output

RiscReal
input
output
(

RiscReduce
tensor
axis
output

RiscRem
x
y
z
*
RiscReshape
tensor
shape
output
)
RiscReverse
tensor
axis
output
6
RiscScatter	
indices	
updates
shape
output

	RiscShape
input
output

RiscSign
x
y
/
	RiscSlice
input
begin
size
output
%
RiscSort
input
axis
output
 
RiscSqueeze
input
output

RiscSub
x
y
z
!
RiscTranspose
x
perm
y
0
RiscTriangularSolve
matrix
rhs
output

	RiscUnary
x
y
'
	RiscWhile

input2T
output2Tà
8
RngReadAndSkip

resource
alg
delta
valueà
.
RngSkip

resource
	algorithm
deltaà
*
Roll
input
shift
axis
output

Round
x
y
X
RpcCall
client
method_name
args2Tin
timeout_in_ms
future	
deleterà
7
RpcCheckStatus
	status_or

error_code
errorà
K
	RpcClient
server_address
timeout_in_ms
client
method_specsà
-
RpcGetValue
	status_or
output2Toutà
*
	RpcServer
server_address
serverà
G
RpcServerRegister
server
method_name
captured_inputs2Tinà

RpcServerStart
serverà

Rsqrt
x
y

	RsqrtGrad
y
dy
z
Z
SampleDistortedBoundingBox

image_size
bounding_boxes
begin
size
bboxesà
r
SampleDistortedBoundingBoxV2

image_size
bounding_boxes
min_object_covered
begin
size
bboxesà
E
SamplingDataset
input_dataset
rate
seed
seed2
handle
0
Save

filename
tensor_names	
data2Tà
T
SaveDataset
input_dataset
path)
shard_func_other_args2Tshard_func_argsà
`
SaveDatasetV2
input_dataset
path)
shard_func_other_args2Tshard_func_args
handleà
K

SaveSlices

filename
tensor_names
shapes_and_slices	
data2Tà
L
SaveV2
prefix
tensor_names
shape_and_slices
tensors2dtypesà
,
ScalarSummary
tags
values	
summary
O
ScaleAndTranslate
images
size
scale
translation
resized_images
T
ScaleAndTranslateGrad
grads
original_image
scale
translation
output
`
ScanDataset
input_dataset
initial_state2Tstate
other_arguments2
Targuments
handle
=

ScatterAdd
refÄ	
indices	
updates

output_refÄ
=

ScatterDiv
refÄ	
indices	
updates

output_refÄ
=

ScatterMax
refÄ	
indices	
updates

output_refÄ
=

ScatterMin
refÄ	
indices	
updates

output_refÄ
=

ScatterMul
refÄ	
indices	
updates

output_refÄ
4
	ScatterNd	
indices	
updates
shape
output
?
ScatterNdAdd
refÄ	
indices	
updates

output_refÄ
?
ScatterNdMax
refÄ	
indices	
updates

output_refÄ
?
ScatterNdMin
refÄ	
indices	
updates

output_refÄ
B
ScatterNdNonAliasingAdd
input	
indices	
updates
output
?
ScatterNdSub
refÄ	
indices	
updates

output_refÄ
B
ScatterNdUpdate
refÄ	
indices	
updates

output_refÄ
=

ScatterSub
refÄ	
indices	
updates

output_refÄ
@
ScatterUpdate
refÄ	
indices	
updates

output_refÄ


SdcaFprint
input
output
ı
SdcaOptimizer-
sparse_example_indices*num_sparse_features-
sparse_feature_indices*num_sparse_features8
sparse_feature_values*num_sparse_features_with_values$
dense_features*num_dense_features
example_weights
example_labels%
sparse_indices*num_sparse_features%
sparse_weights*num_sparse_features#
dense_weights*num_dense_features
example_state_data
out_example_state_data/
out_delta_sparse_weights*num_sparse_features-
out_delta_dense_weights*num_dense_features
˜
SdcaOptimizerV2-
sparse_example_indices*num_sparse_features-
sparse_feature_indices*num_sparse_features8
sparse_feature_values*num_sparse_features_with_values$
dense_features*num_dense_features
example_weights
example_labels%
sparse_indices*num_sparse_features%
sparse_weights*num_sparse_features#
dense_weights*num_dense_features
example_state_data
out_example_state_data/
out_delta_sparse_weights*num_sparse_features-
out_delta_dense_weights*num_dense_features
*
SdcaShrinkL1
weights*num_featuresÄ
-

SegmentMax
data
segment_ids
output
?
SegmentMaxV2
data
segment_ids
num_segments
output
.
SegmentMean
data
segment_ids
output
-

SegmentMin
data
segment_ids
output
?
SegmentMinV2
data
segment_ids
num_segments
output
.
SegmentProd
data
segment_ids
output
@
SegmentProdV2
data
segment_ids
num_segments
output
-

SegmentSum
data
segment_ids
output
?
SegmentSumV2
data
segment_ids
num_segments
output
)
Select
	condition
t
e
output
+
SelectV2
	condition
t
e
output
#
SelfAdjointEig
input
output
%
SelfAdjointEigV2
input
e
v
!
Selu

features
activations
/
SeluGrad
	gradients	
outputs
	backprops

Send
tensorà
A
SendTPUEmbeddingGradients
inputs*N
learning_rates*NNà
7
SerializeIterator
resource_handle

serializedà
]
SerializeManySparse
sparse_indices
sparse_values
sparse_shape
serialized_sparse
Y
SerializeSparse
sparse_indices
sparse_values
sparse_shape
serialized_sparse
)
SerializeTensor
tensor

serialized
;
SetSize
set_indices

set_values
	set_shape
size
f
SetStatsAggregatorDataset
input_dataset
stats_aggregator
tag
counter_prefix
handleà

Shape
input
output
!
ShapeN

input*N
output*N
@
ShardDataset
input_dataset

num_shards
index
handle
@
ShardedFilename

basename
shard

num_shards

filename
7
ShardedFilespec

basename

num_shards

filename
]
ShuffleAndRepeatDataset
input_dataset
buffer_size
seed
seed2
count
handle
t
ShuffleAndRepeatDatasetV2
input_dataset
buffer_size
seed
seed2
count
seed_generator
handleà
K
ShuffleDataset
input_dataset
buffer_size
seed
seed2
handle
Q
ShuffleDatasetV2
input_dataset
buffer_size
seed_generator
handleà
b
ShuffleDatasetV3
input_dataset
buffer_size
seed
seed2
seed_generator
handleà

ShutdownDistributedTPUà
!
ShutdownTPUSystem	
successà

Sigmoid
x
y

SigmoidGrad
y
dy
z

Sign
x
y

Sin
x
y

Sinh
x
y

Size
input
output
1
SkipDataset
input_dataset
count
handle
|
Skipgram

vocab_word

vocab_freq
words_per_epoch
current_epoch
total_words_processed

examples
labelsà
?
SleepDataset
input_dataset
sleep_microseconds
handle
+
Slice
input
begin
size
output
a
SlidingWindowDataset
input_dataset
window_size
window_shift
window_stride
handle

Snapshot
input
output
.
SnapshotChunkDataset

chunk_file
handle
4
SnapshotDataset
input_dataset
path
handle
=
SnapshotDatasetReader
	shard_dir
start_index
handle
é
SnapshotDatasetV2
input_dataset
path+
reader_func_other_args2Treader_func_args)
shard_func_other_args2Tshard_func_args
handle
4
SnapshotNestedDatasetReader
inputs*N
handle
6
SobolSample
dim
num_results
skip	
samples

Softmax
logits	
softmax
I
SoftmaxCrossEntropyWithLogits

features
labels
loss

backprop
%
Softplus

features
activations
4
SoftplusGrad
	gradients

features
	backprops
%
Softsign

features
activations
4
SoftsignGrad
	gradients

features
	backprops
ò
SortListOfSparseCoreCooTensors
row_ids_list*N
col_ids_list*N

gains_list*N
sorted_row_ids
sorted_col_ids
sorted_gains
	id_counts
-
SpaceToBatch
input

paddings
output
>
SpaceToBatchND
input
block_shape

paddings
output
!
SpaceToDepth
input
output
t
SparseAccumulatorApplyGradient
handleÄ

local_step
gradient_indices
gradient_values
gradient_shape
Z
SparseAccumulatorTakeGradient
handleÄ
num_required	
indices
values
shape
á
	SparseAdd
	a_indices

a_values	
a_shape
	b_indices

b_values	
b_shape
thresh
sum_indices

sum_values
	sum_shape
i
SparseAddGrad
backprop_val_grad
	a_indices
	b_indices
sum_indices

a_val_grad

b_val_grad
s
SparseApplyAdadelta
varÄ

accumÄ
accum_updateÄ
lr
rho	
epsilon
grad	
indices
outÄ
M
SparseApplyAdagrad
varÄ

accumÄ
lr
grad	
indices
outÄ
ú
SparseApplyAdagradDA
varÄ
gradient_accumulatorÄ!
gradient_squared_accumulatorÄ
grad	
indices
lr
l1
l2
global_step
outÄ
Z
SparseApplyAdagradV2
varÄ

accumÄ
lr	
epsilon
grad	
indices
outÄ
É
SparseApplyCenteredRMSProp
varÄ
mgÄ
msÄ
momÄ
lr
rho

momentum	
epsilon
grad	
indices
outÄ
o
SparseApplyFtrl
varÄ

accumÄ
linearÄ
grad	
indices
lr
l1
l2

lr_power
outÄ
Å
SparseApplyFtrlV2
varÄ

accumÄ
linearÄ
grad	
indices
lr
l1
l2
l2_shrinkage

lr_power
outÄ
Z
SparseApplyMomentum
varÄ

accumÄ
lr
grad	
indices

momentum
outÄ
a
SparseApplyProximalAdagrad
varÄ

accumÄ
lr
l1
l2
grad	
indices
outÄ
`
"SparseApplyProximalGradientDescent
varÄ
alpha
l1
l2
grad	
indices
outÄ
r
SparseApplyRMSProp
varÄ
msÄ
momÄ
lr
rho

momentum	
epsilon
grad	
indices
outÄ
Q
SparseBincount	
indices
values
dense_shape
size	
weights
output
i
SparseConcat
indices*N
values*N
shapes*N
output_indices
output_values
output_shape
.
SparseConditionalAccumulator
handleÄà
Å
SparseCountSparseOutput	
indices
values
dense_shape	
weights
output_indices
output_values
output_dense_shape
ê
SparseCross
indices*N
values2sparse_types
shapes*N
dense_inputs2dense_types
output_indices
output_values
output_shape
º
SparseCrossHashed
indices*N
values2sparse_types
shapes*N
dense_inputs2dense_types
num_buckets
strong_hash
salt
output_indices
output_values
output_shape
ô
SparseCrossV2
indices*N
values2sparse_types
shapes*N
dense_inputs2dense_types
sep
output_indices
output_values
output_shape
O
SparseDenseCwiseAdd

sp_indices
	sp_values

sp_shape
dense
output
O
SparseDenseCwiseDiv

sp_indices
	sp_values

sp_shape
dense
output
O
SparseDenseCwiseMul

sp_indices
	sp_values

sp_shape
dense
output
ô
SparseFillEmptyRows	
indices
values
dense_shape
default_value
output_indices
output_values
empty_row_indicator
reverse_index_map
\
SparseFillEmptyRowsGrad
reverse_index_map
grad_values

d_values
d_default_value
#
SparseMatMul
a
b	
product
1
SparseMatrixAdd
a
b
alpha
beta
c
(
SparseMatrixMatMul
a
b
output
%
SparseMatrixMul
a
b
output
)
SparseMatrixNNZ
sparse_matrix
nnz
,
SparseMatrixOrderingAMD
input
output
*
SparseMatrixSoftmax
logits	
softmax
@
SparseMatrixSoftmaxGrad	
softmax
grad_softmax

gradient
>
SparseMatrixSparseCholesky
input
permutation
output
)
SparseMatrixSparseMatMul
a
b
c
*
SparseMatrixTranspose
input
output
3
SparseMatrixZeros
dense_shape
sparse_matrix
]
SparseReduceMax
input_indices
input_values
input_shape
reduction_axes
output
å
SparseReduceMaxSparse
input_indices
input_values
input_shape
reduction_axes
output_indices
output_values
output_shape
]
SparseReduceSum
input_indices
input_values
input_shape
reduction_axes
output
å
SparseReduceSumSparse
input_indices
input_values
input_shape
reduction_axes
output_indices
output_values
output_shape
b
SparseReorder
input_indices
input_values
input_shape
output_indices
output_values
^
SparseReshape
input_indices
input_shape
	new_shape
output_indices
output_shape
?
SparseSegmentMean
data	
indices
segment_ids
output
R
SparseSegmentMeanGrad
grad	
indices
segment_ids
output_dim0
output
s
SparseSegmentMeanGradV2
grad	
indices
segment_ids
dense_output_dim0
output
sorted_unique_indices
^
 SparseSegmentMeanWithNumSegments
data	
indices
segment_ids
num_segments
output
@
SparseSegmentSqrtN
data	
indices
segment_ids
output
S
SparseSegmentSqrtNGrad
grad	
indices
segment_ids
output_dim0
output
t
SparseSegmentSqrtNGradV2
grad	
indices
segment_ids
dense_output_dim0
output
sorted_unique_indices
_
!SparseSegmentSqrtNWithNumSegments
data	
indices
segment_ids
num_segments
output
>
SparseSegmentSum
data	
indices
segment_ids
output
Q
SparseSegmentSumGrad
grad	
indices
segment_ids
output_dim0
output
r
SparseSegmentSumGradV2
grad	
indices
segment_ids
dense_output_dim0
output
sorted_unique_indices
]
SparseSegmentSumWithNumSegments
data	
indices
segment_ids
num_segments
output
o
SparseSlice	
indices
values
shape
start
size
output_indices
output_values
output_shape
d
SparseSliceGrad
backprop_val_grad
input_indices
input_start
output_indices

val_grad
@
SparseSoftmax

sp_indices
	sp_values

sp_shape
output
O
#SparseSoftmaxCrossEntropyWithLogits

features
labels
loss

backprop
Ä
SparseSparseMaximum
	a_indices

a_values	
a_shape
	b_indices

b_values	
b_shape
output_indices
output_values
Ä
SparseSparseMinimum
	a_indices

a_values	
a_shape
	b_indices

b_values	
b_shape
output_indices
output_values
å
SparseSplit
	split_dim	
indices
values
shape
output_indices*	num_split
output_values*	num_split
output_shape*	num_split
I
SparseTensorDenseAdd
	a_indices

a_values	
a_shape
b
output
M
SparseTensorDenseMatMul
	a_indices

a_values	
a_shape
b	
product
K
SparseTensorSliceDataset	
indices
values
dense_shape
handleà
T
SparseTensorToCSRSparseMatrix	
indices
values
dense_shape
sparse_matrix
\
SparseToDense
sparse_indices
output_shape
sparse_values
default_value
dense
©
SparseToSparseSetOperation
set1_indices
set1_values

set1_shape
set2_indices
set2_values

set2_shape
result_indices
result_values
result_shape

Spence
x
y
2
Split
	split_dim
value
output*	num_split
;
SplitDedupData
input
integer_tensor
float_tensor
B
SplitV
value
size_splits
	split_dim
output*	num_split
E

SqlDataset
driver_name
data_source_name
query
handleà

Sqrt
x
y

SqrtGrad
y
dy
z

Square
x
y
"
SquaredDifference
x
y
z

Squeeze
input
output

Stack
handleÄà


StackClose
handleÄ

StackCloseV2
handleà

StackPop
handleÄ
elem
!

StackPopV2
handle
elemà
*
	StackPush
handleÄ
elem
output
,
StackPushV2
handle
elem
outputà
"
StackV2

max_size
handleà

Stage
values2dtypesà


StageClearà
)
	StagePeek
index
values2dtypesà

	StageSize
sizeà
9
StatefulPartitionedCall
args2Tin
output2Toutà
Z
StatefulRandomBinomial

resource
	algorithm
shape
counts
probs
outputà
:
StatefulStandardNormal

resource
shape
outputà
I
StatefulStandardNormalV2

resource
	algorithm
shape
outputà
H
StatefulTruncatedNormal

resource
	algorithm
shape
outputà
@
StatefulUniform

resource
	algorithm
shape
outputà
G
StatefulUniformFullInt

resource
	algorithm
shape
outputà
W
StatefulUniformInt

resource
	algorithm
shape
minval
maxval
outputà
=
StatelessCase
branch_index
input2Tin
output2Tout
3
StatelessIf
cond
input2Tin
output2Tout
A
StatelessMultinomial
logits
num_samples
seed
output
l
%StatelessParameterizedTruncatedNormal
shape
seed
means	
stddevs	
minvals	
maxvals
output
G
StatelessRandomBinomial
shape
seed
counts
probs
output
<
StatelessRandomGammaV2
shape
seed
alpha
output
M
StatelessRandomGammaV3
shape
key	
counter
alg
alpha
output
!
StatelessRandomGetAlg
algà
8
StatelessRandomGetKeyCounter
seed
key	
counter
B
StatelessRandomGetKeyCounterAlg
seed
key	
counter
alg
2
StatelessRandomNormal
shape
seed
output
E
StatelessRandomNormalV2
shape
key	
counter
alg
output
:
StatelessRandomPoisson
shape
seed
lam
output
3
StatelessRandomUniform
shape
seed
output
:
StatelessRandomUniformFullInt
shape
seed
output
M
StatelessRandomUniformFullIntV2
shape
key	
counter
alg
output
J
StatelessRandomUniformInt
shape
seed
minval
maxval
output
]
StatelessRandomUniformIntV2
shape
key	
counter
alg
minval
maxval
output
F
StatelessRandomUniformV2
shape
key	
counter
alg
output
~
#StatelessSampleDistortedBoundingBox

image_size
bounding_boxes
min_object_covered
seed
begin
size
bboxes
>
StatelessShuffle
value
key	
counter
alg
output
5
StatelessTruncatedNormal
shape
seed
output
H
StatelessTruncatedNormalV2
shape
key	
counter
alg
output
)
StatelessWhile

input2T
output2T
)
StaticRegexFullMatch
input
output
'
StaticRegexReplace
input
output
$
StatsAggregatorHandle
handleà
&
StatsAggregatorHandleV2
handleà
C
StatsAggregatorSetSummaryWriter
stats_aggregator	
summaryà
2
StatsAggregatorSummary

iterator	
summaryà
A
StochasticCastToInt
input
key	
counter
alg
output
!
StopGradient
input
output
K
StoreMinibatchStatisticsInFdo
program_key	
max_ids
max_uniquesà
<
StridedSlice
input
begin
end	
strides
output
S
StridedSliceAssign
refÄ
begin
end	
strides
value

output_refÄ
F
StridedSliceGrad
shape
begin
end	
strides
dy
output
%
StringFormat
inputs2T
output
#

StringJoin
inputs*N
output
!
StringLength
input
output
 
StringLower
input
output
@
StringNGrams
data
data_splits
ngrams
ngrams_splits
A
StringSplit
input
	delimiter	
indices
values
shape
=
StringSplitV2
input
sep	
indices
values
shape
 
StringStrip
input
output
/
StringToHashBucket
string_tensor
output
+
StringToHashBucketFast
input
output
-
StringToHashBucketStrong
input
output
+
StringToNumber
string_tensor
output
 
StringUpper
input
output

Sub
x
y
z
)
Substr
input
pos
len
output
-
Sum
input
reduction_indices
output

SummaryWriter
writerà

Svd
input
s
u
v
7
Switch
data
pred
output_false
output_true
0
SymbolicGradient
input2Tin
output2Tout


SyncDeviceà
N
TFRecordDataset
	filenames
compression_type
buffer_size
handleà
`
TFRecordDatasetV2
	filenames
compression_type
buffer_size
byte_offsets
handleà
'
TFRecordReader
reader_handleÄà
&
TFRecordReaderV2
reader_handleà
G
"TPUAnnotateTensorsWithDynamicShape
tensors2T
tpu_tensors2Tà
 
TPUCompilationResult
output
ø

TPUCompile"
dynamic_shapes*NumDynamicShapes-
guaranteed_constants2Tguaranteed_constants
compilation_status
program*num_computations(
may_modify_variables*num_computationsà
4
TPUCompileSucceededAssert
compilation_statusà
Q
TPUCopyWithDynamicShape
tensors2T
unpadded_sizes*N
tpu_tensors2Tà
O
TPUEmbeddingActivations
embedding_variable
sliced_activations
output
:

TPUExecute
args2Targs
key
results2Tresultsà
L
TPUExecuteAndUpdateVariables
args2Targs
key
results2Tresultsà
*
TPUOrdinalSelector
device_ordinalsà
C
TPUPartitionedCall
args2Tin
device_ordinal
output2Tout
,
TPUPartitionedInput
inputs*N
output
.
TPUPartitionedInputV2
inputs*N
output
6
TPUPartitionedOutput
inputs
output*
num_splits
8
TPUPartitionedOutputV2
inputs
output*
num_splits

TPUReplicateMetadata
+
TPUReplicatedInput
inputs*N
output
7
TPUReplicatedOutput
input
outputs*num_replicas
I
TPUReshardVariables	
vars*N
new_format_key
format_state_varà
$
TPURoundRobin
device_ordinalà
1
TakeDataset
input_dataset
count
handle
f
TakeManySparseFromTensorsMap
sparse_handles
sparse_indices
sparse_values
sparse_shapeà
L
TakeWhileDataset
input_dataset
other_arguments2
Targuments
handle

Tan
x
y

Tanh
x
y

TanhGrad
y
dy
z
 
TemporaryVariable
refÄà
%
TensorArray
size
handleÄà

TensorArrayClose
handleÄ

TensorArrayCloseV2
handle
!
TensorArrayCloseV3
handleà
?
TensorArrayConcat
handleÄ	
flow_in
value	
lengths
>
TensorArrayConcatV2
handle	
flow_in
value	
lengths
A
TensorArrayConcatV3
handle	
flow_in
value	
lengthsà
?
TensorArrayGather
handleÄ	
indices	
flow_in
value
>
TensorArrayGatherV2
handle	
indices	
flow_in
value
A
TensorArrayGatherV3
handle	
indices	
flow_in
valueà
;
TensorArrayGrad
handle	
flow_in
grad_handleÄà
:
TensorArrayGradV2
handle	
flow_in
grad_handleà
F
TensorArrayGradV3
handle	
flow_in
grad_handle

flow_outà
a
TensorArrayGradWithShape
handle	
flow_in
shape_to_prepend
grad_handle

flow_outà
2
TensorArrayPack
handleÄ	
flow_in
value
;
TensorArrayRead
handleÄ
index	
flow_in
value
:
TensorArrayReadV2
handle
index	
flow_in
value
=
TensorArrayReadV3
handle
index	
flow_in
valueà
L
TensorArrayScatter
handleÄ	
indices
value	
flow_in

flow_out
K
TensorArrayScatterV2
handle	
indices
value	
flow_in

flow_out
N
TensorArrayScatterV3
handle	
indices
value	
flow_in

flow_outà
1
TensorArraySize
handleÄ	
flow_in
size
0
TensorArraySizeV2
handle	
flow_in
size
3
TensorArraySizeV3
handle	
flow_in
sizeà
J
TensorArraySplit
handleÄ
value	
lengths	
flow_in

flow_out
I
TensorArraySplitV2
handle
value	
lengths	
flow_in

flow_out
L
TensorArraySplitV3
handle
value	
lengths	
flow_in

flow_outà
@
TensorArrayUnpack
handleÄ
value	
flow_in

flow_out
$
TensorArrayV2
size
handleà
,
TensorArrayV3
size
handle
flowà
H
TensorArrayWrite
handleÄ
index
value	
flow_in

flow_out
G
TensorArrayWriteV2
handle
index
value	
flow_in

flow_out
J
TensorArrayWriteV3
handle
index
value	
flow_in

flow_outà
9
TensorDataset

components2Toutput_types
handleà
7
TensorListConcat
input_handle
tensor	
lengths
7
TensorListConcatLists	
input_a	
input_b
output
Z
TensorListConcatV2
input_handle
element_shape
leading_dims
tensor	
lengths
9
TensorListElementShape
input_handle
element_shape
B
TensorListFromTensor
tensor
element_shape
output_handle
H
TensorListGather
input_handle	
indices
element_shape
values
E
TensorListGetItem
input_handle
index
element_shape
item
,
TensorListLength
input_handle
length
O
TensorListPopBack
input_handle
element_shape
output_handle
tensor
?
TensorListPushBack
input_handle
tensor
output_handle
F
TensorListPushBackBatch
input_handles
tensor
output_handles
>
TensorListReserve
element_shape
num_elements
handle
;
TensorListResize
input_handle
size
output_handle
J
TensorListScatter
tensor	
indices
element_shape
output_handle
Y
!TensorListScatterIntoExistingList
input_handle
tensor	
indices
output_handle
\
TensorListScatterV2
tensor	
indices
element_shape
num_elements
output_handle
E
TensorListSetItem
input_handle
index
item
output_handle
H
TensorListSplit
tensor
element_shape	
lengths
output_handle
<
TensorListStack
input_handle
element_shape
tensor
8
TensorMapErase
input_handle
key
output_handle
3
TensorMapHasKey
input_handle
key	
has_key
B
TensorMapInsert
input_handle
key
value
output_handle
1
TensorMapLookup
input_handle
key
value
'
TensorMapSize
input_handle
size
,
TensorMapStackKeys
input_handle
keys
<
TensorScatterAdd
tensor	
indices	
updates
output
<
TensorScatterMax
tensor	
indices	
updates
output
<
TensorScatterMin
tensor	
indices	
updates
output
<
TensorScatterSub
tensor	
indices	
updates
output
?
TensorScatterUpdate
tensor	
indices	
updates
output
>
TensorSliceDataset

components2Toutput_types
handleà
Q
TensorStridedSliceUpdate
input
begin
end	
strides
value
output
$
TensorSummary
tensor	
summary
L
TensorSummaryV2
tag
tensor
serialized_summary_metadata	
summary
N
TextLineDataset
	filenames
compression_type
buffer_size
handleà
'
TextLineReader
reader_handleÄà
&
TextLineReaderV2
reader_handleà
D
TfLiteSubgraphExecute
subgraph_key
args2Tin
output2Tout
@
ThreadPoolDataset
input_dataset
thread_pool
handleà

ThreadPoolHandle
handleà

#ThreadUnsafeUnigramCandidateSampler
true_classes
sampled_candidates
true_expected_count
sampled_expected_countà
&
Tile
input
	multiples
output
*
TileGrad
input
	multiples
output

	Timestamp
tsà

ToBool
input
output
$
TopK
input
values	
indices
-

TopKUnique
input
topk
topk_indices
+
TopKV2
input
k
values	
indices
1
TopKWithUnique
input
topk
topk_indices
*
TpuHandleToProtoKey
uid

proto_keys

	Transpose
x
perm
y
H
TridiagonalMatMul
	superdiag

maindiag	
subdiag
rhs
output
0
TridiagonalSolve
	diagonals
rhs
output

TruncateDiv
x
y
z

TruncateMod
x
y
z
'
TruncatedNormal
shape
outputà
D
Unbatch
batched_tensor
batch_index
id
unbatched_tensor
+
UnbatchDataset
input_dataset
handle
L
UnbatchGrad
original_input
batch_index
grad
id
batched_grad
=
UncompressElement

compressed

components2output_types
5
UnicodeDecode
input

row_splits
char_values
W
UnicodeDecodeWithOffsets
input

row_splits
char_values
char_to_byte_starts
9
UnicodeEncode
input_values
input_splits
output
"
UnicodeScript
input
output
%
UnicodeTranscode
input
output
s
UniformCandidateSampler
true_classes
sampled_candidates
true_expected_count
sampled_expected_countà
?
UniformDequantize
input
scales
zero_points
output
=
UniformQuantize
input
scales
zero_points
output
ñ
UniformQuantizedAdd
lhs
rhs

lhs_scales
lhs_zero_points

rhs_scales
rhs_zero_points
output_scales
output_zero_points
output
Y
UniformQuantizedClipByValue	
operand
min
max
scales
zero_points
output
û
UniformQuantizedConvolution
lhs
rhs

lhs_scales
lhs_zero_points

rhs_scales
rhs_zero_points
output_scales
output_zero_points
output
\
!UniformQuantizedConvolutionHybrid
lhs
rhs

rhs_scales
rhs_zero_points
output
ñ
UniformQuantizedDot
lhs
rhs

lhs_scales
lhs_zero_points

rhs_scales
rhs_zero_points
output_scales
output_zero_points
output
T
UniformQuantizedDotHybrid
lhs
rhs

rhs_scales
rhs_zero_points
output
r
UniformRequantize
input
input_scales
input_zero_points
output_scales
output_zero_points
output

Unique
x
y
idx
*
UniqueDataset
input_dataset
handle
#
UniqueV2
x
axis
y
idx
,
UniqueWithCounts
x
y
idx
count
6
UniqueWithCountsV2
x
axis
y
idx
count
 
Unpack
value
output*num
+
UnravelIndex	
indices
dims
output
H
UnsortedSegmentJoin
inputs
segment_ids
num_segments
output
E
UnsortedSegmentMax
data
segment_ids
num_segments
output
E
UnsortedSegmentMin
data
segment_ids
num_segments
output
F
UnsortedSegmentProd
data
segment_ids
num_segments
output
E
UnsortedSegmentSum
data
segment_ids
num_segments
output

Unstage
values2dtypesà
7
UnwrapDatasetVariant
input_handle
output_handle
J
UpdateTaskIdAndGlobalCoreArray%
tpu_task_id_to_shard_id*
task_countà
1

UpperBound
sorted_inputs
values
output

VarHandleOp

resourceà
5
VarIsInitializedOp

resource
is_initializedà

Variable
refÄà
%
VariableShape
input
outputà


VariableV2
refÄà
E
WeightedFlatMapDataset
input_datasets*N
weights*M
handle

Where
input
index
#
While

input2T
output2Tà
(
WholeFileReader
reader_handleÄà
'
WholeFileReaderV2
reader_handleà
W
WindowDataset
input_dataset
size
shift
stride
drop_remainder
handle
'
WindowOp
inputs2Tinputs
handle
+
WorkerHeartbeat	
request

responseà
5
WrapDatasetVariant
input_handle
output_handle
H
WriteAudioSummary
writer
step
tag
tensor
sample_rateà
&
	WriteFile

filename

contentsà
2
WriteGraphSummary
writer
step
tensorà
=
WriteHistogramSummary
writer
step
tag
valuesà
F
WriteImageSummary
writer
step
tag
tensor
	bad_colorà
5
WriteRawProtoSummary
writer
step
tensorà
9
WriteScalarSummary
writer
step
tag
valueà
H
WriteSummary
writer
step
tensor
tag
summary_metadataà

Xdivy
x
y
z
5
XlaAllReduce
input
group_assignment
output
P
XlaBroadcastHelper
lhs
rhs
broadcast_dims

lhs_output

rhs_output
/
XlaCallModule
args2Tin
output2Toutà
&
XlaClusterOutput
input	
outputs
$
XlaConcatND
inputs*N
output
u
XlaConv
lhs
rhs
window_strides	
padding
lhs_dilation
rhs_dilation
feature_group_count
output
w
	XlaConvV2
lhs
rhs
window_strides	
padding
lhs_dilation
rhs_dilation
feature_group_count
output
$
XlaCustomCall	
args2T
output
G
XlaCustomCallV2
operands2operand_dtypes
results2result_dtypes
%
XlaDequantize
input
outputà
 
XlaDot
lhs
rhs
output
"
XlaDotV2
lhs
rhs
output
E
XlaDynamicSlice
input
start_indices
size_indices
output
?
XlaDynamicUpdateSlice
input
update	
indices
output
 
	XlaEinsum
a
b	
product
@
	XlaGather	
operand
start_indices
slice_sizes
output
;
XlaHostCompute
inputs2Tinputs
outputs2Toutputsà
1
XlaIf
cond
inputs2Tin
output2Toutà
C
XlaKeyValueSort
keys
values
sorted_keys
sorted_values
d
	XlaLaunch
	constants2
Tconstants
args2Targs
	resources*
Nresources
results2Tresultsà
1
XlaLaunchV2
args2Targs
results2Tresults
1
XlaOptimizationBarrier

input2T
output2T
_
XlaPad
input
padding_value
padding_low
padding_high
padding_interior
output

XlaRecv
tensorà

XlaRecvFromHost
outputà
P
XlaRecvTPUEmbeddingActivations
deduplication_data
outputs*
num_tablesà
R
 XlaRecvTPUEmbeddingActivationsV2
deduplication_data
outputs*
num_tablesà
3
$XlaRecvTPUEmbeddingDeduplicationData
outputà
5
&XlaRecvTPUEmbeddingDeduplicationDataV2
outputà
,
	XlaReduce
input

init_value
output
)
XlaReducePrecision	
operand
output
N
XlaReduceScatter
input
group_assignment
scatter_dimension
output
ä
XlaReduceWindow
input

init_value
window_dimensions
window_strides
base_dilations
window_dilations	
padding
output
?
XlaRemoveDynamicDimensionSize
input
	dim_index
output

XlaReplicaId
id
S
XlaRngBitGenerator
	algorithm
initial_state
shape

output_key
output
?

XlaScatter	
operand
scatter_indices	
updates
output
t
XlaSelectAndScatter	
operand
window_dimensions
window_strides	
padding
source

init_value
output
"
XlaSelfAdjointEig
a
w
v

XlaSend
tensorà
v
XlaSendTPUEmbeddingGradients
	gradients*	NumTables%
learning_rates*NumLearningRateTags
deduplication_dataà
x
XlaSendTPUEmbeddingGradientsV2
	gradients*	NumTables%
learning_rates*NumLearningRateTags
deduplication_dataà

XlaSendToHost
inputà
)
XlaSetBound
input
bound
output
D
XlaSetDynamicDimensionSize
input
	dim_index
size
output
 
XlaSharding
input
output

XlaSort
input
output
ï
XlaSparseCoreAdagrad	
indices

gradient
learning_rate
accumulator
embedding_table
updated_embedding_table
updated_accumulatorà
“
XlaSparseCoreAdagradMomentum	
indices

gradient
learning_rate
beta_1	
epsilon
accumulator

momentum
embedding_table
updated_embedding_table
updated_accumulator
updated_momentumà
À
XlaSparseCoreAdam
embedding_table	
indices

gradient
learning_rate

momentum

velocity
beta_1
beta_2	
epsilon
updated_embedding_table
updated_velocity
updated_momentumà
Î
XlaSparseCoreFtrl
embedding_table
accumulator
linear
learning_rate	
indices

gradient
beta
learning_rate_power
l2_regularization_strength
updated_embedding_table
updated_accumulator
updated_linearà
k
XlaSparseCoreSgd	
indices

gradient
learning_rate
embedding_table
updated_embedding_tableà
∞
XlaSparseDenseMatmul	
row_ids	
col_ids
values	
offsets
embedding_table
activations
row_pointers
sorted_embedding_ids
sorted_sample_ids
sorted_gains
¢
.XlaSparseDenseMatmulGradWithAdagradAndCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator*
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
™
6XlaSparseDenseMatmulGradWithAdagradAndStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator*
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
»
6XlaSparseDenseMatmulGradWithAdagradMomentumAndCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator	
momenta*
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
updated_momenta
–
>XlaSparseDenseMatmulGradWithAdagradMomentumAndStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator	
momenta*
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
updated_momenta
∑
+XlaSparseDenseMatmulGradWithAdamAndCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table	
momenta

velocity*
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_momenta
updated_velocity
ø
3XlaSparseDenseMatmulGradWithAdamAndStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table	
momenta

velocity*
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_momenta
updated_velocity
Î
$XlaSparseDenseMatmulGradWithCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
tables*N
hyperparameters*M*
(num_minibatches_per_physical_sparse_core
updated_tables*N
ª
+XlaSparseDenseMatmulGradWithFtrlAndCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator
linear*
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
updated_linear
√
3XlaSparseDenseMatmulGradWithFtrlAndStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table
accumulator
linear*
(num_minibatches_per_physical_sparse_core
updated_embedding_table
updated_accumulator
updated_linear
¯
*XlaSparseDenseMatmulGradWithSgdAndCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table*
(num_minibatches_per_physical_sparse_core
updated_embedding_table
Ä
2XlaSparseDenseMatmulGradWithSgdAndStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
activation_gradients
learning_rate
embedding_table*
(num_minibatches_per_physical_sparse_core
updated_embedding_table
π
 XlaSparseDenseMatmulWithCsrInput
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
embedding_table*
(num_minibatches_per_physical_sparse_core
activations
¡
(XlaSparseDenseMatmulWithStaticBufferSize
row_pointers
sorted_sample_ids
sorted_token_ids
sorted_gains
embedding_table*
(num_minibatches_per_physical_sparse_core
activations
#

XlaSplitND
input
outputs*N
,
XlaSpmdFullToShardShape
input
output
,
XlaSpmdShardToFullShape
input
output

XlaSvd
a
s
u
v
=
XlaVariadicReduce

input*N

init_value*N
output*N
B
XlaVariadicReduceV2
inputs2T
init_values2T
outputs2T
9
XlaVariadicSort
inputs2T
	dimension
outputs2T
&
XlaWhile

input2T
output2Tà

Xlog1py
x
y
z

Xlogy
x
y
z

	ZerosLike
x
y

Zeta
x
q
z
+

ZipDataset
input_datasets*N
handle

_Arg
outputà
/
_ArrayToList

input*N
output2	out_types
4
_ConfigureDistributedTPU
inputs*N
outputà


_DeviceArg
outputà

_DeviceRetval
inputà
C
'_DisconnectHostFromDistributedTPUSystem
number_of_tpu_chipsà
 
_EagerConst
input
output
º
_FusedBatchNormEx
x
scale
offset
mean

variance

side_input*num_side_inputs
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
reserve_space_3
¸
_FusedBatchNormGradEx

y_backprop
x
scale
reserve_space_1
reserve_space_2
reserve_space_3
offset
y

x_backprop
scale_backprop
offset_backprop
reserve_space_4
reserve_space_5&
side_input_backprop*num_side_inputs
V
_FusedConv2D
input
filter
args2TArgs
	host_args*num_host_args
output
=
_FusedConv3D
input
filter
args*num_args
output
L
_FusedDepthwiseConv2dNative
input
filter
args*num_args
output
5
_FusedMatMul
a
b
args*num_args	
product
ó
_FusedQuantizedConv2D
device_inputs2Tdevice_inputs
host_inputs2Thost_inputs!
device_outputs2Tdevice_outputs
host_outputs2Thost_outputs
†
_FusedQuantizedDepthwiseConv2D
device_inputs2Tdevice_inputs
host_inputs2Thost_inputs!
device_outputs2Tdevice_outputs
host_outputs2Thost_outputs

	_HostCast
x
y

	_HostRecv
tensorà

	_HostSend
tensorà
.
_If
cond
input2Tin
output2Toutà
9
 _InitializeHostForDistributedTPU
input	
tpu_idsà
)
_ListToArray
input2Tin
output*N
;
_MklAvgPool
value
	mkl_input
output

mkl_output
=
_MklAvgPool3D
value
	mkl_input
output

mkl_output
e
_MklAvgPool3DGrad
orig_input_shape
grad
mkl_orig_input

mkl_grad
output

mkl_output
c
_MklAvgPoolGrad
orig_input_shape
grad
mkl_orig_input

mkl_grad
output

mkl_output
%
_MklBatchMatMul
x
y
output
'
_MklBatchMatMulV2
x
y
output
b

_MklConcat

concat_dim
values*N
mkl_concat_dim

mkl_values*N
output

mkl_output
X
_MklConcatV2
values*N
axis

mkl_values*N

mkl_axis
output

mkl_output
*
_MklConjugateTranspose
x
perm
y
x

_MklConv2D
input
filter
	mkl_input

mkl_filter
output
filter_output

mkl_output
mkl_filter_output
è
_MklConv2DBackpropFilter
input
filter_sizes
out_backprop
	mkl_input
mkl_filter_size
mkl_out_backprop
output

mkl_output
µ
 _MklConv2DBackpropFilterWithBias
input
filter_sizes
out_backprop
	mkl_input
mkl_filter_size
mkl_out_backprop
output
	bias_grad

mkl_output
mkl_bias_grad
è
_MklConv2DBackpropInput
input_sizes
filter
out_backprop
mkl_input_sizes

mkl_filter
mkl_out_backprop
output

mkl_output
î
_MklConv2DWithBias
input
filter
bias
	mkl_input

mkl_filter

mkl_bias
output
filter_output

mkl_output
mkl_filter_output
x

_MklConv3D
input
filter
	mkl_input

mkl_filter
output
filter_output

mkl_output
mkl_filter_output
ë
_MklConv3DBackpropFilterV2
input
filter_sizes
out_backprop
	mkl_input
mkl_filter_size
mkl_out_backprop
output

mkl_output
ë
_MklConv3DBackpropInputV2
input_sizes
filter
out_backprop
mkl_input_sizes

mkl_filter
mkl_out_backprop
output

mkl_output
á
_MklDepthwiseConv2dNative
input
filter
	mkl_input

mkl_filter
output
filter_output

mkl_output
mkl_filter_output
ô
'_MklDepthwiseConv2dNativeBackpropFilter
input
filter_sizes
out_backprop
	mkl_input

mkl_filter
mkl_out_backprop
output

mkl_output
ò
&_MklDepthwiseConv2dNativeBackpropInput
input_sizes
filter
out_backprop
	mkl_input

mkl_filter
mkl_out_backprop
output

mkl_output
=
_MklDequantize
input
	min_range
	max_range
output
#

_MklEinsum
inputs*N
output
G
_MklElu

features
mkl_features
activations
mkl_activations
e
_MklEluGrad
	gradients

features
mkl_gradients
mkl_features
	backprops
mkl_backprops
>
_MklFusedBatchMatMulV2
x
y
args*num_args
output
™
_MklFusedBatchNorm
x
scale
offset
mean

variance
mkl_x
	mkl_scale

mkl_offset

mkl_mean
mkl_variance
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
mkl_y
mkl_batch_mean
mkl_batch_variance
mkl_reserve_space_1
mkl_reserve_space_2
ò
_MklFusedBatchNormEx
x
scale
offset
mean

variance

side_input*num_side_inputs
mkl_x
	mkl_scale

mkl_offset

mkl_mean
mkl_variance!
mkl_side_input*num_side_inputs
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
reserve_space_3
mkl_y
mkl_batch_mean
mkl_batch_variance
mkl_reserve_space_1
mkl_reserve_space_2
mkl_reserve_space_3
ˆ
_MklFusedBatchNormGrad

y_backprop
x
scale
reserve_space_1
reserve_space_2
mkl_y_backprop
mkl_x
	mkl_scale
mkl_reserve_space_1
mkl_reserve_space_2

x_backprop
scale_backprop
offset_backprop
reserve_space_3
reserve_space_4
mkl_x_backprop
mkl_scale_backprop
mkl_offset_backprop
mkl_reserve_space_3
mkl_reserve_space_4
¯
_MklFusedBatchNormGradV2

y_backprop
x
scale
reserve_space_1
reserve_space_2
mkl_y_backprop
mkl_x
	mkl_scale
mkl_reserve_space_1
mkl_reserve_space_2

x_backprop
scale_backprop
offset_backprop
reserve_space_3
reserve_space_4
mkl_x_backprop
mkl_scale_backprop
mkl_offset_backprop
mkl_reserve_space_3
mkl_reserve_space_4
¢
_MklFusedBatchNormGradV3

y_backprop
x
scale
reserve_space_1
reserve_space_2
reserve_space_3
mkl_y_backprop
mkl_x
	mkl_scale
mkl_reserve_space_1
mkl_reserve_space_2
mkl_reserve_space_3

x_backprop
scale_backprop
offset_backprop
reserve_space_4
reserve_space_5
mkl_x_backprop
mkl_scale_backprop
mkl_offset_backprop
mkl_reserve_space_4
mkl_reserve_space_5
¨
_MklFusedBatchNormV2
x
scale
offset
mean

variance
mkl_x
	mkl_scale

mkl_offset

mkl_mean
mkl_variance
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
mkl_y
mkl_batch_mean
mkl_batch_variance
mkl_reserve_space_1
mkl_reserve_space_2
÷
_MklFusedBatchNormV3
x
scale
offset
mean

variance
mkl_x
	mkl_scale

mkl_offset

mkl_mean
mkl_variance
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
reserve_space_3
mkl_y
mkl_batch_mean
mkl_batch_variance
mkl_reserve_space_1
mkl_reserve_space_2
mkl_reserve_space_3
•
_MklFusedConv2D
input
filter
args*num_args
	mkl_input

mkl_filter
mkl_args*num_args
output
filter_output

mkl_output
mkl_filter_output
¥
_MklFusedDepthwiseConv2dNative
input
filter
args*num_args
	mkl_input

mkl_filter
mkl_args*num_args
output
filter_output

mkl_output
mkl_filter_output
2
_MklFusedInstanceNorm
x
gamma
beta
y
o
_MklFusedMatMul
a
b
args*num_args
mkl_a
mkl_b
mkl_args*num_args	
product
mkl_product
*
_MklFusedMish

features
activations
,
_MklLayerNorm
x
scale
offset
y
M
_MklLeakyRelu

features
mkl_features
activations
mkl_activations
k
_MklLeakyReluGrad
	gradients

features
mkl_gradients
mkl_features
	backprops
mkl_backprops
!

_MklMatMul
a
b	
product
Y
_MklMaxPool
input
	mkl_input
output
	workspace

mkl_output
mkl_workspace
[
_MklMaxPool3D
input
	mkl_input
output
	workspace

mkl_output
mkl_workspace
ü
_MklMaxPool3DGrad

orig_input
orig_output
grad
	workspace
mkl_orig_input
mkl_orig_output

mkl_grad
mkl_workspace
output

mkl_output
ù
_MklMaxPoolGrad

orig_input
orig_output
grad
	workspace
mkl_orig_input
mkl_orig_output

mkl_grad
mkl_workspace
output

mkl_output
&
_MklNativeAvgPool
value
output
(
_MklNativeAvgPool3D
value
output
?
_MklNativeAvgPool3DGrad
orig_input_shape
grad
output
=
_MklNativeAvgPoolGrad
orig_input_shape
grad
output
/
_MklNativeConv2D
input
filter
output
S
_MklNativeConv2DBackpropFilter
input
filter_sizes
out_backprop
output
h
&_MklNativeConv2DBackpropFilterWithBias
input
filter_sizes
out_backprop
output
	bias_grad
R
_MklNativeConv2DBackpropInput
input_sizes
filter
out_backprop
output
?
_MklNativeConv2DWithBias
input
filter
bias
output
/
_MklNativeConv3D
input
filter
output
U
 _MklNativeConv3DBackpropFilterV2
input
filter_sizes
out_backprop
output
T
_MklNativeConv3DBackpropInputV2
input_sizes
filter
out_backprop
output
>
_MklNativeDepthwiseConv2dNative
input
filter
output
b
-_MklNativeDepthwiseConv2dNativeBackpropFilter
input
filter_sizes
out_backprop
output
a
,_MklNativeDepthwiseConv2dNativeBackpropInput
input_sizes
filter
out_backprop
output
ë
_MklNativeFusedBatchNorm
x
scale
offset
mean

variance
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
≈
_MklNativeFusedBatchNormEx
x
scale
offset
mean

variance

side_input*num_side_inputs
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
reserve_space_3
π
_MklNativeFusedBatchNormGrad

y_backprop
x
scale
reserve_space_1
reserve_space_2

x_backprop
scale_backprop
offset_backprop
reserve_space_3
reserve_space_4
ª
_MklNativeFusedBatchNormGradV2

y_backprop
x
scale
reserve_space_1
reserve_space_2

x_backprop
scale_backprop
offset_backprop
reserve_space_3
reserve_space_4
Œ
_MklNativeFusedBatchNormGradV3

y_backprop
x
scale
reserve_space_1
reserve_space_2
reserve_space_3

x_backprop
scale_backprop
offset_backprop
reserve_space_4
reserve_space_5
ì
_MklNativeFusedBatchNormV2
x
scale
offset
mean

variance
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
¶
_MklNativeFusedBatchNormV3
x
scale
offset
mean

variance
y

batch_mean
batch_variance
reserve_space_1
reserve_space_2
reserve_space_3
_
_MklNativeFusedConv2D
input
filter
args2TArgs
	host_args*num_host_args
output
F
_MklNativeFusedConv3D
input
filter
args*num_args
output
U
$_MklNativeFusedDepthwiseConv2dNative
input
filter
args*num_args
output
>
_MklNativeFusedMatMul
a
b
args*num_args	
product
3
_MklNativeMaxPool
input
output
	workspace
5
_MklNativeMaxPool3D
input
output
	workspace
U
_MklNativeMaxPool3DGrad

orig_input
orig_output
grad
	workspace
output
S
_MklNativeMaxPoolGrad

orig_input
orig_output
grad
	workspace
output
B
_MklNativePadWithConv2D
input
filter

paddings
output
Y
_MklNativePadWithFusedConv2D
input
filter
args*num_args

paddings
output
2
_MklNativeSparseMatrixMatMul
a
b
output
õ
_MklPadWithConv2D
input
filter

paddings
	mkl_input

mkl_filter
mkl_paddings
output
filter_output

mkl_output
mkl_filter_output
»
_MklPadWithFusedConv2D
input
filter
args*num_args

paddings
	mkl_input

mkl_filter
mkl_args*num_args
mkl_paddings
output
filter_output

mkl_output
mkl_filter_output
Y
_MklQuantizeV2
input
	min_range
	max_range
output

output_min

output_max
_
_MklQuantizedAvgPool
input
	min_input
	max_input
output

min_output

max_output
u
_MklQuantizedConcatV2
values*N
axis

input_mins*N
input_maxes*N
output

output_min

output_max
Ñ
_MklQuantizedConv2D
input
filter
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
ã
_MklQuantizedConv2DAndRelu
input
filter
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
ƒ
'_MklQuantizedConv2DAndReluAndRequantize
input
filter
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output

min_output

max_output
Ω
 _MklQuantizedConv2DAndRequantize
input
filter
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output

min_output

max_output
é
_MklQuantizedConv2DPerChannel
input
filter
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
î
_MklQuantizedConv2DWithBias
input
filter
bias
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
õ
"_MklQuantizedConv2DWithBiasAndRelu
input
filter
bias
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
‘
/_MklQuantizedConv2DWithBiasAndReluAndRequantize
input
filter
bias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output

min_output

max_output
Õ
(_MklQuantizedConv2DWithBiasAndRequantize
input
filter
bias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output

min_output

max_output
Ü
8_MklQuantizedConv2DWithBiasSignedSumAndReluAndRequantize
input
filter
bias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output	
summand
min_summand
max_summand
output

min_output

max_output
©
%_MklQuantizedConv2DWithBiasSumAndRelu
input
filter
bias
	min_input
	max_input

min_filter

max_filter	
summand
output

min_output

max_output
Ä
2_MklQuantizedConv2DWithBiasSumAndReluAndRequantize
input
filter
bias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output	
summand
min_summand
max_summand
output

min_output

max_output
ç
_MklQuantizedDepthwiseConv2D
input
filter
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
ù
$_MklQuantizedDepthwiseConv2DWithBias
input
filter
bias
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
§
+_MklQuantizedDepthwiseConv2DWithBiasAndRelu
input
filter
bias
	min_input
	max_input

min_filter

max_filter
output

min_output

max_output
›
8_MklQuantizedDepthwiseConv2DWithBiasAndReluAndRequantize
input
filter
bias
	min_input
	max_input

min_filter

max_filter
min_freezed_output
max_freezed_output
output

min_output

max_output
p
_MklQuantizedMatMulWithBias
a
b
bias
min_a
max_a
min_b
max_b
out	
min_out	
max_out
ì
(_MklQuantizedMatMulWithBiasAndDequantize
a
b
bias
min_a
max_a
min_b
max_b
min_freezed_output
max_freezed_output
out
w
"_MklQuantizedMatMulWithBiasAndRelu
a
b
bias
min_a
max_a
min_b
max_b
out	
min_out	
max_out
∞
/_MklQuantizedMatMulWithBiasAndReluAndRequantize
a
b
bias
min_a
max_a
min_b
max_b
min_freezed_output
max_freezed_output
out	
min_out	
max_out
©
(_MklQuantizedMatMulWithBiasAndRequantize
a
b
bias
min_a
max_a
min_b
max_b
min_freezed_output
max_freezed_output
out	
min_out	
max_out
_
_MklQuantizedMaxPool
input
	min_input
	max_input
output

min_output

max_output
H
_MklRelu

features
mkl_features
activations
mkl_activations
I
	_MklRelu6

features
mkl_features
activations
mkl_activations
g
_MklRelu6Grad
	gradients

features
mkl_gradients
mkl_features
	backprops
mkl_backprops
f
_MklReluGrad
	gradients

features
mkl_gradients
mkl_features
	backprops
mkl_backprops
"
_MklSoftmax
logits	
softmax
&
	_MklSwish

features
activations
H
_MklTanh

features
mkl_features
activations
mkl_activations
f
_MklTanhGrad
	gradients

features
mkl_gradients
mkl_features
	backprops
mkl_backprops
!
_MklTranspose
x
perm
y
*
_NcclBroadcastRecv
shape
outputà
 
_NcclBroadcastSend
inputà
%
_NcclReduceRecv
input
dataà

_NcclReduceSend
inputà
#
_ParallelConcatStart
outputà
4
_ParallelConcatUpdate
value
update
output
í
_QuantizedMatMul
device_inputs2Tdevice_inputs
host_inputs2Thost_inputs!
device_outputs2Tdevice_outputs
host_outputs2Thost_outputs
^
_QuantizedMaxPool3D
input
	min_input
	max_input
output

min_output

max_output
7
_ReadVariablesOp
	resources*N
values2dtypesà

_Recv
tensorà

_Retval
inputà

_ScopedAllocator
outputà
=
_ScopedAllocatorConcat	
backing
inputs*N
outputà
=
_ScopedAllocatorSplit
concat

split*N
output*Nà

_Send
tensorà
#
_SetGlobalTPUArray

topologyà

_ShutdownDistributedTPUà
7
_SwitchN
data
output_index
outputs*num_outs
k
_TPUCompileMlir"
dynamic_shapes*NumDynamicShapes
compilation_status
program*num_computationsà
Ø
_TPUReplicate
inputs2Tinputs%
broadcast_inputs2Tbroadcast_inputs
	variables*NumVariables-
guaranteed_constants2Tguaranteed_constants
outputs2output_typesà
,
_TensorToHashBucketFast
input
output
 
_UnaryOpsComposition
x
y
"
_VarHandlesOp
	resources*Nà
4
_WaitForDistributedTPU
inputs*N

topologyà
$
_While

input2T
output2Tà
'
_XlaAotOnlyVarHandleOp

resourceà
r
_XlaCompile
	constants2
Tconstants
args2Targs
	resources*
Nresources
key
compilation_successfulà
4
$_XlaCompileMlirPlaceholderProgramKey	
programà
@
_XlaHostComputeMlir
inputs2Tinputs
outputs2Toutputsà
4
	_XlaMerge
partitioned_call	
xla_run
output
7
_XlaRecvAtHost
dynamic_key
outputs2Toutputsà
K
_XlaRecvAtHostV2
dynamic_key
device_ordinal
outputs2Toutputsà
7
_XlaRun
args2Targs
key
results2Tresultsà
7
_XlaSendFromHost
inputs2Tinputs
dynamic_keyà
K
_XlaSendFromHostV2
inputs2Tinputs
dynamic_key
device_ordinalà
h
&__MklDummyConv2DBackpropFilterWithBias
input
filter_sizes
out_backprop
output
	bias_grad
?
__MklDummyConv2DWithBias
input
filter
bias
output
B
__MklDummyPadWithConv2D
input
filter

paddings
output
ç
__MklDummyPadWithFusedConv2D
input
filter
args*num_args

paddings
output
filter_output

mkl_output
mkl_filter_output